'use server';

import { environment } from '@/lib/env';
import { formAction } from '@/lib/forms/form-action';
import { runExport } from '@/lib/inventory/reports/run-export';

/** The scheduled export, run now by an admin (as POST /api/exports/run does). It takes no input. */
export const runExportAction = formAction({
  permission: 'exports:run',
  run: ({ actor }) => runExport({ exportDir: environment().EXPORT_DIR, actorId: actor.id }),
  revalidate: ['/reports'],
  success: (written) => `Export written: ${written.length} files.`,
});
