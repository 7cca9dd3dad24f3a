'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LINK_FORM_FIELDS } from '@/components/suppliers/types';
import { authorizeAction } from '@/lib/auth/actor';
import { fieldErrorsFromZod, isAppError, notFound } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { linkProductSupplier, productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { createSupplierSchema, updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { unlinkProductSupplier } from '@/lib/inventory/unlink-product-supplier';
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

/*
 * Links between a supplier and its products: the doors of PUT and DELETE
 * /api/products/{id}/suppliers/{supplierId}, with the same permission and the same schema.
 */

const linkIdsSchema = z.object({ supplierId: idParamSchema, productId: idParamSchema });

function linkValues(formData: FormData): Record<string, string> {
  // productLabel is what the product picker showed, so a refused form shows the same choice again.
  return Object.fromEntries([...LINK_FORM_FIELDS, 'productLabel'].map((key) => [key, textOf(formData, key)]));
}

/** Empty means absent (the schema's default or null); otherwise a number, and NaN fails in the schema with its message. */
function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

function revalidateLink(supplierId: number, productId: number): void {
  revalidatePath(`/suppliers/${supplierId}`);
  revalidatePath(`/products/${productId}`);
}

/** The use case answers 404 for either end of the link; the product's is shown beside the field that chose it. */
function isProductNotFound(error: unknown): boolean {
  return isAppError(error) && error.code === 'NOT_FOUND' && error.message === notFound('Product').message;
}

export async function linkProductAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = linkValues(formData);
  try {
    const actor = await authorizeAction('catalog:write');
    const supplierId = idParamSchema.safeParse(formData.get('supplierId'));
    if (!supplierId.success) return { status: 'error', message: 'This supplier no longer exists. Reload the page.', fieldErrors: {}, values };
    const productId = idParamSchema.safeParse(values.productId);
    const parsed = productSupplierLinkSchema.safeParse({
      leadTimeDays: numberOrUndefined(values.leadTimeDays ?? ''),
      unitCost: values.unitCost?.trim() ? values.unitCost : null,
      supplierSku: values.supplierSku,
      preferred: values.preferred === 'on',
    });
    if (!productId.success || !parsed.success) {
      const fieldErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
      if (!productId.success) fieldErrors.productId = 'Choose a product';
      return { status: 'error', message: 'Some fields need attention.', fieldErrors, values };
    }
    const link = await linkProductSupplier({ productId: productId.data, supplierId: supplierId.data, input: parsed.data, actorId: actor.id });
    revalidateLink(supplierId.data, productId.data);
    return { status: 'success', message: `${values.productLabel || 'Product'} linked to ${link.supplier.name}, lead time ${link.leadTimeDays} day${link.leadTimeDays === 1 ? '' : 's'}.` };
  } catch (error) {
    if (isProductNotFound(error)) {
      return { status: 'error', message: 'Some fields need attention.', fieldErrors: { productId: 'This product does not exist or was deleted' }, values };
    }
    return formStateFromError(error, values);
  }
}

export async function unlinkProductAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:write');
    const ids = linkIdsSchema.safeParse({ supplierId: formData.get('supplierId'), productId: formData.get('productId') });
    if (!ids.success) return { status: 'error', message: 'This link no longer exists. Reload the page.', fieldErrors: {} };
    await unlinkProductSupplier({ ...ids.data, actorId: actor.id });
    revalidateLink(ids.data.supplierId, ids.data.productId);
    const label = textOf(formData, 'productLabel');
    return { status: 'success', message: `${label || 'Product'} unlinked.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
