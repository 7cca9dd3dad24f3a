'use server';

import { z } from 'zod';
import { ORDER_FORM_FIELDS } from '@/components/purchasing/order-form-fields';
import { fieldErrorsFromZod, validationFailed, type FieldErrors } from '@/lib/errors';
import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { optionalNumber, optionalText, type FormValues } from '@/lib/forms/form-data';
import { cancelPurchaseOrder } from '@/lib/inventory/purchasing/cancel-purchase-order';
import { createPurchaseOrder } from '@/lib/inventory/purchasing/create-purchase-order';
import { draftOrdersFromSuggestions } from '@/lib/inventory/purchasing/draft-orders-from-suggestions';
import { markPurchaseOrderOrdered } from '@/lib/inventory/purchasing/mark-purchase-order-ordered';
import { createPurchaseOrderSchema, draftFromSuggestionsSchema, receivePurchaseOrderSchema, updatePurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { receivePurchaseOrder } from '@/lib/inventory/purchasing/receive-purchase-order';
import { updatePurchaseOrder } from '@/lib/inventory/purchasing/update-purchase-order';

const GONE = 'This purchase order no longer exists. Reload the page.';

/** The dashboard's and the replenishment view's button: one draft per supplier, then the drafts tab. */
export const draftOrdersAction = formAction({
  permission: 'purchasing:write',
  schema: draftFromSuggestionsSchema,
  input: () => ({}),
  run: ({ input, actor }) => draftOrdersFromSuggestions({ input, actorId: actor.id }),
  revalidate: ['/purchasing'],
  redirect: (orders) => (orders.length === 1 ? `/purchasing/${orders[0]!.id}?flash=drafted` : `/purchasing?status=draft&flash=drafted-${orders.length}`),
});

/** The order form's lines arrive as JSON in one field, each value as typed. */
const typedOrderLinesSchema = z.array(z.object({ productId: z.string(), quantity: z.string(), unitCost: z.string() }));

/**
 * The order form as the schemas' input: ids and quantities from text (what is not a number
 * fails in the schema, keyed by its line), an empty unit cost left out so the supplier's
 * price applies, an empty date or reference cleared.
 */
function orderInputFromForm(values: FormValues) {
  let typed: unknown;
  try {
    typed = JSON.parse(values.lines || '[]');
  } catch {
    typed = [];
  }
  const lines = typedOrderLinesSchema.safeParse(typed);
  return {
    supplierId: optionalNumber(values.supplierId),
    locationId: optionalNumber(values.locationId),
    expectedAt: values.expectedAt ?? null,
    reference: values.reference ?? null,
    lines: (lines.success ? lines.data : []).map((line) => ({
      productId: optionalNumber(line.productId),
      quantity: optionalNumber(line.quantity),
      unitCost: optionalText(line.unitCost),
    })),
  };
}

/**
 * The form's input, with what was not chosen said in the form's words ("Choose a supplier")
 * rather than the API's ("Must be a whole number id"), beside every other refusal of the schema.
 */
function orderInputWithChoices(schema: z.ZodType) {
  return (values: FormValues) => {
    const input = orderInputFromForm(values);
    const unchosen: FieldErrors = {};
    if (input.supplierId === undefined) unchosen.supplierId = 'Choose a supplier';
    input.lines.forEach((line, index) => {
      if (line.productId === undefined) unchosen[`lines.${index}.productId`] = 'Choose a product';
    });
    if (Object.keys(unchosen).length === 0) return input;
    const parsed = schema.safeParse(input);
    throw validationFailed({ ...(parsed.success ? {} : fieldErrorsFromZod(parsed.error)), ...unchosen });
  };
}

export const createOrderAction = formAction({
  permission: 'purchasing:write',
  fields: ORDER_FORM_FIELDS,
  schema: createPurchaseOrderSchema,
  input: orderInputWithChoices(createPurchaseOrderSchema),
  run: ({ input, actor }) => createPurchaseOrder({ input, actorId: actor.id }),
  revalidate: ['/purchasing'],
  redirect: (order) => `/purchasing/${order.id}?flash=created`,
});

export const updateOrderAction = formAction({
  permission: 'purchasing:write',
  fields: ORDER_FORM_FIELDS,
  ids: { names: ['id'], gone: GONE },
  schema: updatePurchaseOrderSchema,
  input: orderInputWithChoices(updatePurchaseOrderSchema),
  run: ({ input, ids, actor }) => updatePurchaseOrder({ id: ids.id, input, actorId: actor.id }),
  revalidate: (order) => ['/purchasing', `/purchasing/${order.id}`],
  redirect: (order) => `/purchasing/${order.id}?flash=saved`,
});

export const markOrderedAction = formAction({
  permission: 'purchasing:write',
  ids: { names: ['id'], gone: GONE },
  run: ({ ids, actor }) => markPurchaseOrderOrdered({ id: ids.id, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  success: (order) => `${formatOrderNumber(order.number)} is ordered.`,
});

export const cancelOrderAction = formAction({
  permission: 'purchasing:write',
  ids: { names: ['id'], gone: GONE },
  run: ({ ids, actor }) => cancelPurchaseOrder({ id: ids.id, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  success: (order) => `${formatOrderNumber(order.number)} is cancelled.`,
});

/** The receive dialog sends its lines as JSON in one field; lines left at 0 are not sent on. */
const typedLinesSchema = z.array(z.object({ lineId: z.number(), quantity: z.number() }));

export const receiveOrderAction = formAction({
  permission: 'movements:write',
  fields: ['lines'],
  ids: { names: ['id'], gone: GONE },
  schema: receivePurchaseOrderSchema,
  input: (values) => {
    let typed: unknown;
    try {
      typed = JSON.parse(values.lines ?? '[]');
    } catch {
      typed = [];
    }
    const lines = typedLinesSchema.safeParse(typed);
    return { lines: lines.success ? lines.data.filter((line) => line.quantity !== 0) : [] };
  },
  run: ({ input, ids, actor }) => receivePurchaseOrder({ id: ids.id, input, actorId: actor.id }),
  // Stock, alerts and the dashboard all move with a receipt.
  revalidate: [EVERY_PAGE],
  success: ({ answer }) => `Received ${answer.movements.reduce((sum, row) => sum + row.quantity, 0)} units against ${answer.purchaseOrder.number}.`,
});
