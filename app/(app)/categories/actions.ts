'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/actor';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { updateCategory } from '@/lib/inventory/update-category';

const idFormSchema = z.object({ id: idParamSchema });

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

function typed(formData: FormData) {
  return { name: textOf(formData, 'name'), description: textOf(formData, 'description') };
}

export async function createCategoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typed(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const parsed = createCategorySchema.safeParse(values);
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const category = await createCategory({ input: parsed.data, actorId: actor.id });
    revalidatePath('/categories');
    return { status: 'success', message: `Category “${category.name}” created.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function updateCategoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typed(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    const parsed = updateCategorySchema.safeParse(values);
    if (!id.success) return { status: 'error', message: 'This category no longer exists. Reload the page.', fieldErrors: {}, values };
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const category = await updateCategory({ id: id.data.id, input: parsed.data, actorId: actor.id });
    revalidatePath('/categories');
    return { status: 'success', message: `Category “${category.name}” saved.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function deleteCategoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This category no longer exists. Reload the page.', fieldErrors: {} };
    const category = await deleteCategory({ id: id.data.id, actorId: actor.id });
    revalidatePath('/categories');
    return { status: 'success', message: `Category “${category.name}” deleted.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
