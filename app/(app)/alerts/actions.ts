'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/actor';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { dismissAlert } from '@/lib/inventory/dismiss-alert';
import { idParamSchema } from '@/lib/inventory/schema-parts';

const dismissSchema = z.object({ id: idParamSchema });

export async function dismissAlertAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('alerts:write');
    const parsed = dismissSchema.safeParse({ id: formData.get('id') });
    if (!parsed.success) return { status: 'error', message: 'This alert no longer exists. Reload the page.', fieldErrors: {} };
    await dismissAlert({ id: parsed.data.id, actorId: actor.id });
    // The layout's nav badge counts active alerts: re-render it along with this page.
    revalidatePath('/', 'layout');
    return { status: 'success', message: 'Alert dismissed. It stays quiet until stock recovers.' };
  } catch (error) {
    return formStateFromError(error);
  }
}
