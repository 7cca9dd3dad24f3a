'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/actor';
import { environment } from '@/lib/env';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { runExport } from '@/lib/inventory/reports/run-export';

/** The scheduled export, run now by an admin (as POST /api/exports/run does). It takes no input. */
export async function runExportAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('exports:run');
    const written = await runExport({ exportDir: environment().EXPORT_DIR, actorId: actor.id });
    revalidatePath('/reports');
    return { status: 'success', message: `Export written: ${written.length} files.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
