'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ProductActionState } from '@/components/products/types';
import { PRODUCT_FORM_FIELDS } from '@/components/products/types';
import { authorizeAction } from '@/lib/auth/actor';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formStateFromError } from '@/lib/forms/form-state';
import { formatInteger, formatSigned } from '@/lib/format';
import { createProduct as createProductRecord } from '@/lib/inventory/create-product';
import { deleteProduct as deleteProductRecord } from '@/lib/inventory/delete-product';
import { deleteProducts as deleteProductRecords, deleteProductsSchema } from '@/lib/inventory/delete-products';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { createProductSchema, updateProductSchema } from '@/lib/inventory/product-schemas';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { updateProduct as updateProductRecord } from '@/lib/inventory/update-product';

/**
 * The doors of the product pages: authorize, parse the form into the same input the JSON API
 * takes (the same zod schemas), call the domain, answer typed form state. Expected refusals
 * (duplicate SKU, the reorder rule, insufficient stock) come back as field errors through
 * formStateFromError, with the typed values so the form can show them again.
 */

const idFormSchema = z.object({ id: idParamSchema });
const NEEDS_ATTENTION = 'Some fields need attention.';

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

function typedValues(formData: FormData, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, textOf(formData, key)]));
}

/** A number typed into a form: empty means absent; anything else goes to the schema as a number (NaN fails there, with its message). */
function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function emptyToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/**
 * The product form as the schemas' input. Money stays a string ("12.50": the schema parses it
 * to cents); numbers come from strings; an empty optional field is left out, so the create
 * schema's defaults apply (unit "each", cost 0, the stock levels 0).
 */
function productInputFromForm(values: Record<string, string>) {
  return {
    sku: values.sku ?? '',
    name: values.name ?? '',
    description: values.description ?? '',
    categoryId: numberOrUndefined(values.categoryId ?? '') ?? null,
    unit: emptyToUndefined(values.unit ?? ''),
    price: emptyToUndefined(values.price ?? ''),
    cost: emptyToUndefined(values.cost ?? ''),
    reorderLevel: numberOrUndefined(values.reorderLevel ?? ''),
    safetyStock: numberOrUndefined(values.safetyStock ?? ''),
    reorderQuantity: numberOrUndefined(values.reorderQuantity ?? ''),
  };
}

function revalidateInventory(): void {
  // Lists, the dashboard and the alert count in the navigation all read products and stock.
  revalidatePath('/', 'layout');
}

/*
 * On success the create, update and delete actions redirect (outside the try: redirect()
 * throws) to the page to see next, with a `flash` parameter that page turns into a toast.
 * So a form posted before the page hydrated, on a slow phone, ends in the same place.
 */

export async function createProduct(_previous: ProductActionState, formData: FormData): Promise<ProductActionState> {
  const values = typedValues(formData, PRODUCT_FORM_FIELDS);
  let productId: number;
  try {
    const actor = await authorizeAction('catalog:write');
    const parsed = createProductSchema.safeParse(productInputFromForm(values));
    if (!parsed.success) return { status: 'error', message: NEEDS_ATTENTION, fieldErrors: fieldErrorsFromZod(parsed.error), values };
    productId = (await createProductRecord({ input: parsed.data, actorId: actor.id })).id;
    revalidateInventory();
  } catch (error) {
    return formStateFromError(error, values);
  }
  redirect(`/products/${productId}?flash=created`);
}

export async function updateProduct(_previous: ProductActionState, formData: FormData): Promise<ProductActionState> {
  const values = typedValues(formData, PRODUCT_FORM_FIELDS);
  let productId: number;
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This product no longer exists. Go back to the list.', fieldErrors: {}, values };
    // An edit sends every field: an emptied optional field means its default again, not "unchanged".
    const input = productInputFromForm(values);
    const parsed = updateProductSchema.safeParse({
      ...input,
      unit: input.unit ?? 'each',
      cost: input.cost ?? '0',
      reorderLevel: input.reorderLevel ?? 0,
      safetyStock: input.safetyStock ?? 0,
      reorderQuantity: input.reorderQuantity ?? 0,
    });
    if (!parsed.success) return { status: 'error', message: NEEDS_ATTENTION, fieldErrors: fieldErrorsFromZod(parsed.error), values };
    productId = (await updateProductRecord({ id: id.data.id, input: parsed.data, actorId: actor.id })).id;
    revalidateInventory();
  } catch (error) {
    return formStateFromError(error, values);
  }
  redirect(`/products/${productId}?flash=saved`);
}

export async function deleteProduct(_previous: ProductActionState, formData: FormData): Promise<ProductActionState> {
  let productId: number;
  try {
    const actor = await authorizeAction('catalog:write');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This product no longer exists.', fieldErrors: {} };
    productId = (await deleteProductRecord({ id: id.data.id, actorId: actor.id })).id;
    revalidateInventory();
  } catch (error) {
    return formStateFromError(error);
  }
  redirect(`/products?deleted=${productId}`);
}

/**
 * The bulk delete of the list: the ticked ids come as one comma-separated field. It stays on
 * the list (with its filters) and answers the toast itself instead of redirecting.
 */
export async function deleteProducts(_previous: ProductActionState, formData: FormData): Promise<ProductActionState> {
  try {
    const actor = await authorizeAction('catalog:write');
    const ids = textOf(formData, 'ids').split(',').filter((id) => id.trim() !== '');
    const parsed = deleteProductsSchema.safeParse({ ids });
    if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'Select the products to delete again.', fieldErrors: {} };
    const deleted = await deleteProductRecords({ input: parsed.data, actorId: actor.id });
    revalidateInventory();
    return { status: 'success', message: deleted.length === 1 ? `Product ${deleted[0]?.sku} deleted.` : `${formatInteger(deleted.length)} products deleted.` };
  } catch (error) {
    return formStateFromError(error);
  }
}

const MOVEMENT_VALUE_KEYS = ['type', 'productId', 'quantity', 'direction', 'locationId', 'toLocationId', 'unitCost', 'reason', 'reference'] as const;

/**
 * One stock movement of one product, from a stock dialog. The form's quantity is always
 * positive; an adjustment's direction ("remove") makes it negative, as the API takes it.
 * Fields that do not belong to the type (a destination outside a transfer, a unit cost
 * outside a receipt) are left out rather than refused, since the dialog never shows them.
 */
export async function postMovement(_previous: ProductActionState, formData: FormData): Promise<ProductActionState> {
  const values = typedValues(formData, MOVEMENT_VALUE_KEYS);
  try {
    const actor = await authorizeAction('movements:write');
    const type = values.type ?? '';
    const quantity = numberOrUndefined(values.quantity ?? '');
    const input = {
      productId: numberOrUndefined(values.productId ?? ''),
      type,
      quantity: type === 'ADJUSTMENT' && values.direction === 'remove' && quantity !== undefined ? -quantity : quantity,
      locationId: numberOrUndefined(values.locationId ?? ''),
      toLocationId: type === 'TRANSFER' ? numberOrUndefined(values.toLocationId ?? '') : undefined,
      unitCost: type === 'RECEIPT' ? emptyToUndefined(values.unitCost ?? '') : undefined,
      reason: values.reason ?? '',
      reference: values.reference ?? '',
    };
    if (type === 'ADJUSTMENT' && quantity !== undefined && quantity < 0) {
      return { status: 'error', message: NEEDS_ATTENTION, fieldErrors: { quantity: 'Enter how many units; choose Add or Remove above' }, values };
    }
    const parsed = movementInputSchema.safeParse(input);
    if (!parsed.success) return { status: 'error', message: NEEDS_ATTENTION, fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const { answer } = await postMovements({ movements: [parsed.data], actorId: actor.id });
    revalidateInventory();
    const change = answer.data.reduce((sum, row) => sum + (row.type === 'TRANSFER' ? 0 : row.quantity), 0);
    const what: Record<typeof parsed.data.type, string> = {
      RECEIPT: `Received ${formatInteger(parsed.data.quantity)}`,
      SHIPMENT: `Shipped ${formatInteger(parsed.data.quantity)}`,
      ADJUSTMENT: `Adjusted by ${formatSigned(change)}`,
      TRANSFER: `Transferred ${formatInteger(parsed.data.quantity)}`,
      COUNT: `Counted ${formatInteger(parsed.data.quantity)} (${change === 0 ? 'no difference' : formatSigned(change)})`,
    };
    return { status: 'success', message: `${what[parsed.data.type]}. On hand now ${formatInteger(answer.onHand)}.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}
