'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/actor';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { createLocation } from '@/lib/inventory/create-location';
import { deleteLocation } from '@/lib/inventory/delete-location';
import { createLocationSchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { updateLocation } from '@/lib/inventory/update-location';

const idFormSchema = z.object({ id: idParamSchema });

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

function typed(formData: FormData) {
  return { code: textOf(formData, 'code'), name: textOf(formData, 'name'), isDefault: formData.get('isDefault') === 'on' ? 'on' : '' };
}

export async function createLocationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typed(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const parsed = createLocationSchema.safeParse({ code: values.code, name: values.name, isDefault: values.isDefault === 'on' });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const location = await createLocation({ input: parsed.data, actorId: actor.id });
    revalidatePath('/locations');
    return { status: 'success', message: `Location ${location.code} created.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

/** A checked box makes this the default; an unticked one changes nothing (the default moves, it is never unset). */
export async function updateLocationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typed(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    const parsed = updateLocationSchema.safeParse({ code: values.code, name: values.name, isDefault: values.isDefault === 'on' ? true : undefined });
    if (!id.success) return { status: 'error', message: 'This location no longer exists. Reload the page.', fieldErrors: {}, values };
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const location = await updateLocation({ id: id.data.id, input: parsed.data, actorId: actor.id });
    revalidatePath('/locations');
    return { status: 'success', message: `Location ${location.code} saved.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function deleteLocationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This location no longer exists. Reload the page.', fieldErrors: {} };
    const location = await deleteLocation({ id: id.data.id, actorId: actor.id });
    revalidatePath('/locations');
    return { status: 'success', message: `Location ${location.code} deleted.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
