import { expect } from 'vitest';
import { db } from '@/lib/db/client';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { postMovements } from '@/lib/inventory/post-movements';
import { createPurchaseOrder } from '@/lib/inventory/purchasing/create-purchase-order';
import { markPurchaseOrderOrdered } from '@/lib/inventory/purchasing/mark-purchase-order-ordered';
import { createPurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { createSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { tag } from './catalog-fixtures';

/** Shared by purchase-orders*.test.ts and replenishment*.test.ts. */

export async function newSupplier(): Promise<number> {
  return (await createSupplier({ input: createSupplierSchema.parse({ name: tag('Supplier') }), actorId: null })).id;
}

/** Links a supplier to a product (unit cost in cents). */
export async function link(productId: number, supplierId: number, { leadTimeDays = 7, unitCostCents = null as number | null, preferred = false } = {}): Promise<void> {
  await db().productSupplier.create({ data: { productId, supplierId, leadTimeDays, unitCostCents, preferred } });
}

export async function post(actorId: number, productId: number, type: 'RECEIPT' | 'SHIPMENT', quantity: number): Promise<void> {
  await postMovements({ movements: [{ productId, type, quantity, reason: null, reference: null }], actorId });
}

/** An ORDERED order of the given lines (unit costs as API strings). */
export async function orderedOrder(actorId: number, supplierId: number, lines: Array<{ productId: number; quantity: number; unitCost?: string }>) {
  const draft = await createPurchaseOrder({ input: createPurchaseOrderSchema.parse({ supplierId, lines }), actorId });
  return markPurchaseOrderOrdered({ id: draft.id, actorId });
}

/** products.on_order equals the units still expected on ORDERED and PARTIALLY_RECEIVED orders, for every product. */
export async function expectOnOrderMatchesLines(): Promise<void> {
  const lines = await db().purchaseOrderLine.findMany({ where: { purchaseOrder: { status: { in: ['ORDERED', 'PARTIALLY_RECEIVED'] } } } });
  const expected = new Map<number, number>();
  for (const line of lines) expected.set(line.productId, (expected.get(line.productId) ?? 0) + line.quantity - line.receivedQuantity);
  const products = await db().product.findMany({ select: { id: true, onOrder: true } });
  expect(products.filter((product) => product.onOrder !== (expected.get(product.id) ?? 0))).toEqual([]);
}
