'use server';

import { z } from 'zod';
import { validationFailed } from '@/lib/errors';
import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { optionalNumber } from '@/lib/forms/form-data';
import { formatInteger, formatSigned } from '@/lib/format';
import { MAX_BATCH_MOVEMENTS, movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { idParamSchema, idSchema, MAX_MOVEMENT_QUANTITY } from '@/lib/inventory/schema-parts';

/*
 * The scan page's doors: a scanned product received, shipped or counted at one location,
 * and a counting round posted as one COUNT per product. Both post through the ledger's one
 * use case, as the API and the product page do.
 */

const SCAN_TYPES = ['RECEIPT', 'SHIPMENT', 'COUNT'] as const;

export const postScanMovement = formAction({
  permission: 'movements:write',
  fields: ['type', 'productId', 'quantity', 'locationId'],
  schema: movementInputSchema,
  input: (values) => {
    if (!(SCAN_TYPES as readonly string[]).includes(values.type ?? '')) throw validationFailed({ type: 'Choose Receive, Ship or Count' });
    return { type: values.type, productId: optionalNumber(values.productId), quantity: optionalNumber(values.quantity), locationId: optionalNumber(values.locationId), reason: 'Scan' };
  },
  run: async ({ input, actor }) => ({ movement: input, ...(await postMovements({ movements: [input], actorId: actor.id })) }),
  revalidate: [EVERY_PAGE],
  success: ({ movement, answer }) => {
    const change = answer.data.reduce((sum, row) => sum + row.quantity, 0);
    const balance = answer.data.at(-1)?.balanceAfter ?? 0;
    if (movement.type === 'COUNT') return `Counted ${formatInteger(movement.quantity)} (${change === 0 ? 'no difference' : formatSigned(change)}). ${formatInteger(balance)} here now.`;
    return `${movement.type === 'RECEIPT' ? 'Received' : 'Shipped'} ${formatInteger(movement.quantity)}. ${formatInteger(balance)} here now.`;
  },
});

/** `counts`: "productId:quantity" pairs separated by commas, each product once. */
const countRoundSchema = z.object({
  locationId: idParamSchema,
  counts: z
    .string()
    .trim()
    .min(1, 'Scan something to count first')
    .transform((text, context) => {
      const pairs = text.split(',');
      if (pairs.length > MAX_BATCH_MOVEMENTS) {
        context.addIssue({ code: 'custom', message: `At most ${MAX_BATCH_MOVEMENTS} products per count; post this one in parts` });
        return z.NEVER;
      }
      const counts = new Map<number, number>();
      for (const pair of pairs) {
        const match = /^(\d{1,10}):(\d{1,10})$/.exec(pair.trim());
        const productId = match ? idSchema.safeParse(Number(match[1])) : undefined;
        const quantity = match ? Number(match[2]) : NaN;
        if (!productId?.success || !(quantity <= MAX_MOVEMENT_QUANTITY) || counts.has(productId.data)) {
          context.addIssue({ code: 'custom', message: 'The count list is damaged: scan again' });
          return z.NEVER;
        }
        counts.set(productId.data, quantity);
      }
      return [...counts].map(([productId, quantity]) => ({ productId, quantity }));
    }),
});

export const postScanCount = formAction({
  permission: 'movements:write',
  fields: ['locationId', 'counts'],
  schema: countRoundSchema,
  // All or none, in one transaction: a count that stops halfway would leave half the shelf counted.
  run: async ({ input, actor }) => {
    const movements = input.counts.map(({ productId, quantity }) => ({ type: 'COUNT' as const, productId, quantity, locationId: input.locationId, reason: 'Scan count', reference: null }));
    return postMovements({ movements, actorId: actor.id, batch: true });
  },
  revalidate: [EVERY_PAGE],
  success: ({ answer }) => {
    const counted = new Set(answer.data.map((row) => row.productId)).size;
    const changed = answer.data.filter((row) => row.quantity !== 0).length;
    return `Count posted: ${formatInteger(counted)} ${counted === 1 ? 'product' : 'products'}, ${changed === 0 ? 'no differences' : `${formatInteger(changed)} corrected`}.`;
  },
});
