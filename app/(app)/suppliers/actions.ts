'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/actor';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/form-state';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { createSupplierSchema, updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { updateSupplier } from '@/lib/inventory/update-supplier';

const idFormSchema = z.object({ id: idParamSchema });

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

function typed(formData: FormData) {
  return { name: textOf(formData, 'name'), email: textOf(formData, 'email'), phone: textOf(formData, 'phone'), notes: textOf(formData, 'notes') };
}

export async function createSupplierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typed(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const parsed = createSupplierSchema.safeParse(values);
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const supplier = await createSupplier({ input: parsed.data, actorId: actor.id });
    revalidatePath('/suppliers');
    return { status: 'success', message: `Supplier “${supplier.name}” created.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function updateSupplierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typed(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    const parsed = updateSupplierSchema.safeParse(values);
    if (!id.success) return { status: 'error', message: 'This supplier no longer exists. Reload the page.', fieldErrors: {}, values };
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const supplier = await updateSupplier({ id: id.data.id, input: parsed.data, actorId: actor.id });
    revalidatePath('/suppliers');
    return { status: 'success', message: `Supplier “${supplier.name}” saved.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function deleteSupplierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This supplier no longer exists. Reload the page.', fieldErrors: {} };
    const supplier = await deleteSupplier({ id: id.data.id, actorId: actor.id });
    revalidatePath('/suppliers');
    return { status: 'success', message: `Supplier “${supplier.name}” deleted.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
