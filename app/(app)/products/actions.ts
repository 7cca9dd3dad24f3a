'use server';

import { MOVEMENT_FORM_FIELDS, PRODUCT_FORM_FIELDS } from '@/components/products/types';
import { validationFailed } from '@/lib/errors';
import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { optionalNumber, optionalText, type FormValues } from '@/lib/forms/form-data';
import { formatInteger, formatSigned } from '@/lib/format';
import { createProduct as createProductRecord } from '@/lib/inventory/create-product';
import { deleteProduct as deleteProductRecord } from '@/lib/inventory/delete-product';
import { deleteProducts as deleteProductRecords, deleteProductsSchema } from '@/lib/inventory/delete-products';
import { PRODUCT_DEFAULTS } from '@/lib/inventory/field-limits';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { createProductSchema, updateProductSchema } from '@/lib/inventory/product-schemas';
import { updateProduct as updateProductRecord } from '@/lib/inventory/update-product';

/*
 * The doors of the product pages, through formAction: the same zod schemas as the JSON API,
 * expected refusals (duplicate SKU, the reorder rule, insufficient stock) beside their fields.
 * Create, update and delete redirect on success to the page to see next, with a `flash`
 * parameter that page turns into a toast.
 */

/**
 * The product form as the schemas' input. Money stays a string ("12.50": the schema parses it
 * to cents); numbers come from strings; an empty optional field is left out, so the create
 * schema's defaults apply.
 */
function productInputFromForm(values: FormValues) {
  return {
    sku: values.sku,
    name: values.name,
    description: values.description,
    categoryId: optionalNumber(values.categoryId) ?? null,
    unit: optionalText(values.unit),
    barcode: optionalText(values.barcode) ?? null,
    price: optionalText(values.price),
    cost: optionalText(values.cost),
    reorderLevel: optionalNumber(values.reorderLevel),
    safetyStock: optionalNumber(values.safetyStock),
    reorderQuantity: optionalNumber(values.reorderQuantity),
  };
}

export const createProduct = formAction({
  permission: 'catalog:write',
  fields: PRODUCT_FORM_FIELDS,
  schema: createProductSchema,
  input: productInputFromForm,
  run: ({ input, actor }) => createProductRecord({ input, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  redirect: (product) => `/products/${product.id}?flash=created`,
});

export const updateProduct = formAction({
  permission: 'catalog:write',
  fields: PRODUCT_FORM_FIELDS,
  ids: { names: ['id'], gone: 'This product no longer exists. Go back to the list.' },
  schema: updateProductSchema,
  // An edit sends every field: an emptied optional field means its default again, not "unchanged".
  input: (values) => {
    const input = productInputFromForm(values);
    return {
      ...input,
      unit: input.unit ?? PRODUCT_DEFAULTS.unit,
      cost: input.cost ?? PRODUCT_DEFAULTS.cost,
      reorderLevel: input.reorderLevel ?? PRODUCT_DEFAULTS.reorderLevel,
      safetyStock: input.safetyStock ?? PRODUCT_DEFAULTS.safetyStock,
      reorderQuantity: input.reorderQuantity ?? PRODUCT_DEFAULTS.reorderQuantity,
    };
  },
  run: ({ input, ids, actor }) => updateProductRecord({ id: ids.id, input, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  redirect: (product) => `/products/${product.id}?flash=saved`,
});

export const deleteProduct = formAction({
  permission: 'catalog:write',
  ids: { names: ['id'], gone: 'This product no longer exists.' },
  run: ({ ids, actor }) => deleteProductRecord({ id: ids.id, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  redirect: (product) => `/products?deleted=${product.id}`,
});

/**
 * The bulk delete of the list: the ticked ids come as one comma-separated field. It stays on
 * the list (with its filters) and answers the toast itself instead of redirecting.
 */
export const deleteProducts = formAction({
  permission: 'catalog:write',
  fields: ['ids'],
  schema: deleteProductsSchema,
  input: (values) => ({ ids: values.ids?.split(',').filter((id) => id.trim() !== '') }),
  // The confirmation has no fields: the refusal itself is the message.
  refusal: (fieldErrors) => Object.values(fieldErrors)[0] ?? 'Select the products to delete again.',
  run: ({ input, actor }) => deleteProductRecords({ input, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  success: (deleted) => (deleted.length === 1 ? `Product ${deleted[0]?.sku} deleted.` : `${formatInteger(deleted.length)} products deleted.`),
});

/**
 * One stock movement of one product, from a stock dialog. The form's quantity is always
 * positive; an adjustment's direction ("remove") makes it negative, as the API takes it.
 * Fields that do not belong to the type (a destination outside a transfer, a unit cost
 * outside a receipt) are left out rather than refused, since the dialog never shows them.
 */
export const postMovement = formAction({
  permission: 'movements:write',
  fields: ['type', 'productId', ...MOVEMENT_FORM_FIELDS],
  schema: movementInputSchema,
  input: (values) => {
    const type = values.type;
    const quantity = optionalNumber(values.quantity);
    if (type === 'ADJUSTMENT' && quantity !== undefined && quantity < 0) {
      throw validationFailed({ quantity: 'Enter how many units; choose Add or Remove above' });
    }
    return {
      productId: optionalNumber(values.productId),
      type,
      quantity: type === 'ADJUSTMENT' && values.direction === 'remove' && quantity !== undefined ? -quantity : quantity,
      locationId: optionalNumber(values.locationId),
      toLocationId: type === 'TRANSFER' ? optionalNumber(values.toLocationId) : undefined,
      unitCost: type === 'RECEIPT' ? optionalText(values.unitCost) : undefined,
      reason: values.reason,
      reference: values.reference,
    };
  },
  run: async ({ input, actor }) => ({ movement: input, ...(await postMovements({ movements: [input], actorId: actor.id })) }),
  revalidate: [EVERY_PAGE],
  success: ({ movement, answer }) => {
    const change = answer.data.reduce((sum, row) => sum + (row.type === 'TRANSFER' ? 0 : row.quantity), 0);
    const what: Record<typeof movement.type, string> = {
      RECEIPT: `Received ${formatInteger(movement.quantity)}`,
      SHIPMENT: `Shipped ${formatInteger(movement.quantity)}`,
      ADJUSTMENT: `Adjusted by ${formatSigned(change)}`,
      TRANSFER: `Transferred ${formatInteger(movement.quantity)}`,
      COUNT: `Counted ${formatInteger(movement.quantity)} (${change === 0 ? 'no difference' : formatSigned(change)})`,
    };
    return `${what[movement.type]}. On hand now ${formatInteger(answer.onHand)}.`;
  },
});
