import { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';
import { idSchema, MAX_MOVEMENT_QUANTITY, moneySchema, optionalTextSchema } from './schema-parts';
import { skuSchema } from './product-schemas';
import { MOVEMENT_LIMITS } from './field-limits';

export const MOVEMENT_TYPES = ['RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'TRANSFER', 'COUNT'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const MAX_BATCH_MOVEMENTS = 1000;

/**
 * One stock movement as a client posts it (API.md, "Stock movement input"). The same schema
 * serves the JSON API, the server actions and the forms.
 */
export const movementInputSchema = z
  .strictObject({
    productId: idSchema.optional(),
    sku: skuSchema.optional(),
    type: z.enum(MOVEMENT_TYPES, { message: `Type must be one of ${MOVEMENT_TYPES.join(', ')}` }),
    quantity: z
      .number({ message: 'Quantity must be a whole number' })
      .int('Quantity must be a whole number')
      .min(-MAX_MOVEMENT_QUANTITY, 'Quantity is too large')
      .max(MAX_MOVEMENT_QUANTITY, 'Quantity is too large'),
    locationId: idSchema.optional(),
    toLocationId: idSchema.optional(),
    unitCost: moneySchema({ min: 'nonNegative', label: 'Unit cost' }).optional(),
    reason: optionalTextSchema('Reason', MOVEMENT_LIMITS.reason),
    reference: optionalTextSchema('Reference', MOVEMENT_LIMITS.reference),
  })
  .superRefine((input, context) => {
    if ((input.productId === undefined) === (input.sku === undefined)) {
      context.addIssue({ code: 'custom', path: ['productId'], message: 'Give either productId or sku' });
    }
    if (input.type === 'ADJUSTMENT') {
      if (input.quantity === 0) context.addIssue({ code: 'custom', path: ['quantity'], message: 'An adjustment cannot be zero' });
    } else if (input.type === 'COUNT') {
      if (input.quantity < 0) context.addIssue({ code: 'custom', path: ['quantity'], message: 'A count cannot be negative' });
    } else if (input.quantity <= 0) {
      context.addIssue({ code: 'custom', path: ['quantity'], message: 'Quantity must be greater than 0' });
    }
    if (input.type === 'TRANSFER') {
      if (input.toLocationId === undefined) {
        context.addIssue({ code: 'custom', path: ['toLocationId'], message: 'A transfer needs a destination location' });
      } else if (input.locationId !== undefined && input.locationId === input.toLocationId) {
        context.addIssue({ code: 'custom', path: ['toLocationId'], message: 'Destination must differ from the source location' });
      }
    } else if (input.toLocationId !== undefined) {
      context.addIssue({ code: 'custom', path: ['toLocationId'], message: 'Only a transfer has a destination location' });
    }
    if (input.unitCost !== undefined && input.type !== 'RECEIPT') {
      context.addIssue({ code: 'custom', path: ['unitCost'], message: 'Only a receipt carries a unit cost' });
    }
  });

export type MovementInput = z.output<typeof movementInputSchema>;

/** The batch body as documented (OpenAPI); the door reads it with movementBatchEnvelopeSchema. */
export const movementBatchSchema = z.strictObject({
  movements: z
    .array(movementInputSchema, { message: 'movements must be a list' })
    .min(1, 'Send at least one movement')
    .max(MAX_BATCH_MOVEMENTS, `At most ${MAX_BATCH_MOVEMENTS} movements per batch`),
});

export const movementBatchEnvelopeSchema = z.strictObject({
  movements: z.array(z.unknown(), { message: 'movements must be a list' }).min(1, 'Send at least one movement'),
});

/**
 * Validates each movement of a batch, reporting every problem keyed by row ("3.quantity"),
 * the same keys the ledger uses for insufficient stock; over the limit is a 413.
 */
export function parseMovementBatch(rows: unknown[]): MovementInput[] {
  if (rows.length > MAX_BATCH_MOVEMENTS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_BATCH_MOVEMENTS} movements per batch; this one has ${rows.length}.`);
  }
  const fieldErrors: FieldErrors = {};
  const movements = rows.map((row, index) => {
    const result = movementInputSchema.safeParse(row);
    if (result.success) return result.data;
    for (const issue of result.error.issues) fieldErrors[[index, ...issue.path.map(String)].join('.')] ??= issue.message;
    return undefined;
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION_FAILED', 'Some movements need attention.', { fieldErrors });
  return movements as MovementInput[];
}
