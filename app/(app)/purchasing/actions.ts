'use server';

import { z } from 'zod';
import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { cancelPurchaseOrder } from '@/lib/inventory/purchasing/cancel-purchase-order';
import { draftOrdersFromSuggestions } from '@/lib/inventory/purchasing/draft-orders-from-suggestions';
import { markPurchaseOrderOrdered } from '@/lib/inventory/purchasing/mark-purchase-order-ordered';
import { draftFromSuggestionsSchema, receivePurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { receivePurchaseOrder } from '@/lib/inventory/purchasing/receive-purchase-order';

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
