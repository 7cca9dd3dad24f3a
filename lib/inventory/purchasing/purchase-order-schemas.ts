import { z } from 'zod';
import { pageQuerySchema } from '@/lib/pagination';
import { PURCHASE_ORDER_LIMITS } from '../field-limits';
import { idParamSchema, idSchema, MAX_MOVEMENT_QUANTITY, moneySchema, optionalTextSchema } from '../schema-parts';

export const PURCHASE_ORDER_STATUSES = ['DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/** Lines per order: far more than a supplier's order form, small enough for one transaction. */
export const MAX_ORDER_LINES = 500;

/** The usage window, in days, of replenishment, of drafts from suggestions and of a product page's days of cover, unless asked otherwise. */
export const DEFAULT_USAGE_DAYS = 30;

const quantitySchema = z
  .number({ message: 'Quantity must be a whole number' })
  .int('Quantity must be a whole number')
  .min(1, 'Quantity must be at least 1')
  .max(MAX_MOVEMENT_QUANTITY, 'Quantity is too large');

/** `YYYY-MM-DD` (that day, 00:00 UTC) or a full ISO timestamp; null or empty clears it. */
const expectedAtSchema = z
  .string({ message: 'Expected date must be a date such as 2026-01-31' })
  .trim()
  .nullish()
  .transform((value, context) => {
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(Date.parse(value))) {
      context.addIssue({ code: 'custom', message: 'Expected date must be a date such as 2026-01-31' });
      return z.NEVER;
    }
    return new Date(value);
  });

const orderLineSchema = z.strictObject({
  productId: idSchema,
  quantity: quantitySchema,
  unitCost: moneySchema({ min: 'nonNegative', label: 'Unit cost' }).optional(),
});

/** Each product once per order: a second line for it is refused, keyed by its row. */
const orderLinesSchema = z
  .array(orderLineSchema, { message: 'lines must be a list' })
  .min(1, 'Add at least one line')
  .max(MAX_ORDER_LINES, `At most ${MAX_ORDER_LINES} lines per order`)
  .superRefine((lines, context) => {
    const seen = new Set<number>();
    lines.forEach((line, index) => {
      if (seen.has(line.productId)) context.addIssue({ code: 'custom', path: [index, 'productId'], message: 'This product is already on the order' });
      seen.add(line.productId);
    });
  });

const orderFields = {
  supplierId: idSchema,
  locationId: idSchema.optional().describe('Where the goods arrive; the default location when left out'),
  expectedAt: expectedAtSchema.describe('When the supplier is expected to deliver (YYYY-MM-DD or ISO timestamp)'),
  reference: optionalTextSchema('Reference', PURCHASE_ORDER_LIMITS.reference).describe("The supplier's or your own reference"),
  lines: orderLinesSchema,
};

export const createPurchaseOrderSchema = z.strictObject(orderFields);

export const updatePurchaseOrderSchema = z
  .strictObject({
    supplierId: orderFields.supplierId.optional(),
    locationId: idSchema.optional(),
    expectedAt: orderFields.expectedAt.optional(),
    reference: orderFields.reference.optional(),
    lines: orderLinesSchema.optional().describe('Replaces every line of the draft'),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: 'Send at least one of supplierId, locationId, expectedAt, reference, lines' });

export const receivePurchaseOrderSchema = z.strictObject({
  lines: z
    .array(z.strictObject({ lineId: idSchema, quantity: quantitySchema }), { message: 'lines must be a list' })
    .min(1, 'Receive at least one line')
    .max(MAX_ORDER_LINES, `At most ${MAX_ORDER_LINES} lines`)
    .superRefine((lines, context) => {
      const seen = new Set<number>();
      lines.forEach((line, index) => {
        if (seen.has(line.lineId)) context.addIssue({ code: 'custom', path: [index, 'lineId'], message: 'This line is already listed' });
        seen.add(line.lineId);
      });
    }),
});

export const purchaseOrderListQuerySchema = z.intersection(
  pageQuerySchema,
  z.object({
    status: z.enum(PURCHASE_ORDER_STATUSES, { message: `status must be one of ${PURCHASE_ORDER_STATUSES.join(', ')}` }).optional(),
    supplierId: idParamSchema.optional(),
  }),
);

/** Usage windows from a day to a year. */
export const replenishmentDaysSchema = z.coerce
  .number({ message: 'days must be a number' })
  .int('days must be a whole number')
  .min(1, 'days must be at least 1')
  .max(365, 'days must be at most 365')
  .default(DEFAULT_USAGE_DAYS);

export const replenishmentQuerySchema = z.intersection(
  pageQuerySchema,
  z.object({ days: replenishmentDaysSchema, supplierId: idParamSchema.optional() }),
);

export const draftFromSuggestionsSchema = z.strictObject({
  supplierId: idSchema.optional().describe("Only this supplier's suggestions"),
  days: z
    .number({ message: 'days must be a number' })
    .int('days must be a whole number')
    .min(1, 'days must be at least 1')
    .max(365, 'days must be at most 365')
    .optional()
    .describe(`The usage window in days (default ${DEFAULT_USAGE_DAYS})`),
});

export type CreatePurchaseOrderInput = z.output<typeof createPurchaseOrderSchema>;
export type UpdatePurchaseOrderInput = z.output<typeof updatePurchaseOrderSchema>;
export type ReceivePurchaseOrderInput = z.output<typeof receivePurchaseOrderSchema>;
export type PurchaseOrderLineInput = CreatePurchaseOrderInput['lines'][number];
export type PurchaseOrderListQuery = z.output<typeof purchaseOrderListQuerySchema>;
export type ReplenishmentQuery = z.output<typeof replenishmentQuerySchema>;
export type DraftFromSuggestionsInput = z.output<typeof draftFromSuggestionsSchema>;
