import { z } from 'zod';
import type { PurchaseOrder, PurchaseOrderLine } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';
import { moneyStringSchema, recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';
import { movementSchema } from '../present';
import { PURCHASE_ORDER_STATUSES } from './purchase-order-schemas';

/** "PO-00001": the order's number as people and the ledger's references write it. */
export function formatOrderNumber(number: number): string {
  return `PO-${String(number).padStart(5, '0')}`;
}

export const purchaseOrderLineSchema = z
  .object({
    id: recordIdSchema,
    productId: recordIdSchema,
    sku: z.string(),
    quantity: z.number().int().min(1),
    receivedQuantity: z.number().int().min(0),
    unitCost: moneyStringSchema,
  })
  .meta({ id: 'PurchaseOrderLine' });

export const purchaseOrderSchema = z
  .object({
    id: recordIdSchema,
    number: z.string().regex(/^PO-\d{5,}$/).describe('Sequential, never repeated: PO-00001'),
    supplierId: recordIdSchema,
    locationId: recordIdSchema,
    status: z.enum(PURCHASE_ORDER_STATUSES),
    reference: z.string().nullable(),
    expectedAt: timestampSchema.nullable(),
    lines: z.array(purchaseOrderLineSchema),
    total: moneyStringSchema.describe('Sum of quantity x unit cost over the lines'),
    createdBy: recordIdSchema.nullable(),
    createdAt: timestampSchema,
    orderedAt: timestampSchema.nullable(),
    closedAt: timestampSchema.nullable().describe('When it was fully received or cancelled'),
  })
  .meta({ id: 'PurchaseOrder' });

export type PurchaseOrderResponse = z.output<typeof purchaseOrderSchema>;

/** The answer to receiving: the order as it now stands and the RECEIPT rows posted. */
export const receivedAnswerSchema = z
  .object({ purchaseOrder: purchaseOrderSchema, movements: z.array(movementSchema) })
  .meta({ id: 'PurchaseOrderReceipt' });

export const purchaseOrderBatchSchema = z.object({ data: z.array(purchaseOrderSchema) }).meta({ id: 'PurchaseOrderBatch' });

export type PurchaseOrderRecord = PurchaseOrder & {
  lines: Array<PurchaseOrderLine & { product: { sku: string; name: string } }>;
  supplier: { name: string };
  location: { code: string; name: string };
};

/** How every read of an order loads it: lines in the order they were written with their product, and the names the pages show. */
export const purchaseOrderInclude = {
  lines: { include: { product: { select: { sku: true, name: true } } }, orderBy: { id: 'asc' } },
  supplier: { select: { name: true } },
  location: { select: { code: true, name: true } },
} as const;

export function presentPurchaseOrder(order: PurchaseOrderRecord): PurchaseOrderResponse {
  // In BigInt: a billion units at a large unit cost passes 2^53.
  const total = order.lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitCostCents), 0n);
  return {
    id: order.id,
    number: formatOrderNumber(order.number),
    supplierId: order.supplierId,
    locationId: order.locationId,
    status: order.status,
    reference: order.reference,
    expectedAt: order.expectedAt?.toISOString() ?? null,
    lines: order.lines.map((line) => ({
      id: line.id,
      productId: line.productId,
      sku: line.product.sku,
      quantity: line.quantity,
      receivedQuantity: line.receivedQuantity,
      unitCost: formatCents(line.unitCostCents),
    })),
    total: formatCents(total),
    createdBy: order.createdById,
    createdAt: order.createdAt.toISOString(),
    orderedAt: order.orderedAt?.toISOString() ?? null,
    closedAt: order.closedAt?.toISOString() ?? null,
  };
}
