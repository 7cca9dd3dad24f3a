import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { hashIdempotentRequest } from '@/lib/inventory/idempotency';
import { cancelPurchaseOrder } from '@/lib/inventory/purchasing/cancel-purchase-order';
import { createPurchaseOrder } from '@/lib/inventory/purchasing/create-purchase-order';
import { markPurchaseOrderOrdered } from '@/lib/inventory/purchasing/mark-purchase-order-ordered';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { createPurchaseOrderSchema, receivePurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { receivePurchaseOrder } from '@/lib/inventory/purchasing/receive-purchase-order';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { isAppError } from '@/lib/errors';
import { expectAppError, makeUser, newProduct } from './catalog-fixtures';
import { expectOnOrderMatchesLines, link, newSupplier, orderedOrder, post } from './purchasing-fixtures';

/** Concurrent callers in the race tests (PURCHASING_RACE to raise it). */
const RACE = Number(process.env.PURCHASING_RACE ?? 6);

function receive(id: number, actorId: number, lines: Array<{ lineId: number; quantity: number }>, key?: string) {
  const input = receivePurchaseOrderSchema.parse({ lines });
  const idempotency = key ? { userId: actorId, key, requestHash: hashIdempotentRequest({ method: 'POST', path: `/api/purchase-orders/${id}/receive`, body: input }) } : undefined;
  return receivePurchaseOrder({ id, input, actorId, idempotency });
}

async function counts(productId: number) {
  const [movements, audit, links, product] = await Promise.all([
    db().stockMovement.count({ where: { productId } }),
    db().auditLog.count({ where: { entity: 'PurchaseOrder' } }),
    db().purchaseOrderReceipt.count(),
    db().product.findUniqueOrThrow({ where: { id: productId }, select: { onHand: true, onOrder: true } }),
  ]);
  return { movements, audit, links, ...product };
}

describe('purchase orders', () => {
  it('receives in two parts at the lines\' costs: RECEIPT rows with the order number, linked to the order; the valuation equals a hand computation', async () => {
    const manager = await makeUser('MANAGER');
    const clerk = await makeUser('CLERK');
    const supplier = await newSupplier();
    const product = await newProduct({ reorderLevel: 8, cost: '9.00' });
    await link(product.id, supplier, { unitCostCents: 200 });

    const first = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 10 }]);
    expect(first.lines[0]!.unitCostCents).toBe(200);
    const lineId = first.lines[0]!.id;
    const part = await receive(first.id, clerk, [{ lineId, quantity: 4 }]);
    expect(part.answer.purchaseOrder).toMatchObject({ status: 'PARTIALLY_RECEIVED', lines: [{ receivedQuantity: 4 }] });
    expect(await db().inventoryAlert.count({ where: { productId: product.id, status: 'ACTIVE' } })).toBe(1);
    const rest = await receive(first.id, clerk, [{ lineId, quantity: 6 }]);
    expect(rest.answer.purchaseOrder).toMatchObject({ status: 'RECEIVED', closedAt: expect.any(String) });
    expect(await db().inventoryAlert.count({ where: { productId: product.id, status: 'ACTIVE' } })).toBe(0);

    await post(clerk, product.id, 'SHIPMENT', 4);
    const second = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 5, unitCost: '3.50' }]);
    await receive(second.id, clerk, [{ lineId: second.lines[0]!.id, quantity: 5 }]);

    const rows = await db().stockMovement.findMany({ where: { productId: product.id, type: 'RECEIPT' }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.quantity, row.unitCostCents, row.reference])).toEqual([
      [4, 200, formatOrderNumber(first.number)],
      [6, 200, formatOrderNumber(first.number)],
      [5, 350, formatOrderNumber(second.number)],
    ]);
    const links = await db().purchaseOrderReceipt.findMany({ where: { movementId: { in: rows.map((row) => row.id) } }, orderBy: { movementId: 'asc' } });
    expect(links.map((row) => row.purchaseOrderId)).toEqual([first.id, first.id, second.id]);

    // By hand: 10 at 2.00, 4 shipped at the average (2.00), then 5 at 3.50: 6 x 2.00 + 5 x 3.50 = 29.50 for 11 units.
    const valuation = await getStockValuation();
    expect(valuation.rows.filter((row) => row.productId === product.id)).toEqual([expect.objectContaining({ quantity: 11, value: '29.50', unitCost: '2.6818' })]);
    expect((await verifyLedger()).discrepancies).toEqual([]);
    await expectOnOrderMatchesLines();
  });

  it('refuses more than a line\'s remainder with 409 and writes nothing; a receipt against a draft or a received order is 409 too', async () => {
    const manager = await makeUser('MANAGER');
    const supplier = await newSupplier();
    const product = await newProduct();
    const other = await newProduct();
    const order = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 5 }, { productId: other.id, quantity: 2 }]);
    const [line, otherLine] = order.lines;
    const before = await counts(product.id);
    await expectAppError(receive(order.id, manager, [{ lineId: line!.id, quantity: 1 }, { lineId: otherLine!.id, quantity: 3 }]), 'CONFLICT', { 'lines.1.quantity': 'Only 2 left to receive' });
    expect(await counts(product.id)).toEqual(before);
    expect((await db().purchaseOrderLine.findUniqueOrThrow({ where: { id: line!.id } })).receivedQuantity).toBe(0);
    await expectAppError(receive(order.id, manager, [{ lineId: 999_999, quantity: 1 }]), 'VALIDATION_FAILED', { 'lines.0.lineId': `Not a line of ${formatOrderNumber(order.number)}` });

    const draft = await createPurchaseOrder({ input: createPurchaseOrderSchema.parse({ supplierId: supplier, lines: [{ productId: product.id, quantity: 1 }] }), actorId: manager });
    await expectAppError(receive(draft.id, manager, [{ lineId: draft.lines[0]!.id, quantity: 1 }]), 'CONFLICT');
    await receive(order.id, manager, [{ lineId: line!.id, quantity: 5 }, { lineId: otherLine!.id, quantity: 2 }]);
    await expectAppError(receive(order.id, manager, [{ lineId: line!.id, quantity: 1 }]), 'CONFLICT');
    await expectAppError(receive(999_999, manager, [{ lineId: line!.id, quantity: 1 }]), 'NOT_FOUND');
  });

  it(`${RACE} clerks receiving the same line at once never exceed it`, async () => {
    const manager = await makeUser('MANAGER');
    const clerks = await Promise.all(Array.from({ length: RACE }, () => makeUser('CLERK')));
    const supplier = await newSupplier();
    const product = await newProduct();
    const perClerk = 3;
    const ordered = perClerk * Math.floor(RACE / 2);
    const order = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: ordered }]);
    const lineId = order.lines[0]!.id;
    const results = await Promise.allSettled(clerks.map((clerk) => receive(order.id, clerk, [{ lineId, quantity: perClerk }])));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(Math.floor(RACE / 2));
    for (const result of refused) expect(isAppError(result.reason) && result.reason.code).toBe('CONFLICT');
    expect(await db().purchaseOrderLine.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ receivedQuantity: ordered });
    expect(await counts(product.id)).toMatchObject({ movements: Math.floor(RACE / 2), onHand: ordered, onOrder: 0 });
    expect((await db().purchaseOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('RECEIVED');
  });

  it('an Idempotency-Key answers repeats, even sent at once, with the first result and posts once; another body under the key is 409', async () => {
    const manager = await makeUser('MANAGER');
    const supplier = await newSupplier();
    const product = await newProduct();
    const order = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 9 }]);
    const lineId = order.lines[0]!.id;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => receive(order.id, manager, [{ lineId, quantity: 4 }], key)));
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    for (const answer of answers) expect(answer.answer).toEqual(answers[0]!.answer);
    expect(await counts(product.id)).toMatchObject({ movements: 1, onHand: 4, onOrder: 5 });
    await expectAppError(receive(order.id, manager, [{ lineId, quantity: 5 }], key), 'CONFLICT');
    // A refused request gives its key back: nothing was written under it.
    const refusedKey = randomUUID();
    await expectAppError(receive(order.id, manager, [{ lineId, quantity: 6 }], refusedKey), 'CONFLICT');
    expect((await receive(order.id, manager, [{ lineId, quantity: 5 }], refusedKey)).replayed).toBe(false);
  });

  it('cancels a draft, or an ordered order with nothing received (giving back its units on order); nothing else; every change is audited', async () => {
    const manager = await makeUser('MANAGER');
    const supplier = await newSupplier();
    const product = await newProduct();
    const draft = await createPurchaseOrder({ input: createPurchaseOrderSchema.parse({ supplierId: supplier, lines: [{ productId: product.id, quantity: 3 }] }), actorId: manager });
    expect((await cancelPurchaseOrder({ id: draft.id, actorId: manager })).status).toBe('CANCELLED');
    await expectAppError(cancelPurchaseOrder({ id: draft.id, actorId: manager }), 'CONFLICT');
    await expectAppError(markPurchaseOrderOrdered({ id: draft.id, actorId: manager }), 'CONFLICT');

    const ordered = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 7 }]);
    const partly = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 4 }]);
    expect((await counts(product.id)).onOrder).toBe(11);
    await receive(partly.id, manager, [{ lineId: partly.lines[0]!.id, quantity: 1 }]);
    expect((await counts(product.id)).onOrder).toBe(10);
    const cancelled = await cancelPurchaseOrder({ id: ordered.id, actorId: manager });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', closedAt: expect.any(Date) });
    expect((await counts(product.id)).onOrder).toBe(3);
    await expectAppError(cancelPurchaseOrder({ id: partly.id, actorId: manager }), 'CONFLICT');
    await expectAppError(cancelPurchaseOrder({ id: 999_999, actorId: manager }), 'NOT_FOUND');
    await expectOnOrderMatchesLines();

    const audit = await db().auditLog.findMany({ where: { entity: 'PurchaseOrder', entityId: { in: [draft.id, ordered.id, partly.id] } }, orderBy: { id: 'asc' } });
    const statuses = (entityId: number) =>
      audit.filter((row) => row.entityId === entityId).map((row) => [row.action, (JSON.parse(row.after!) as { status: string }).status, row.actorId]);
    expect(statuses(draft.id)).toEqual([['CREATE', 'DRAFT', manager], ['UPDATE', 'CANCELLED', manager]]);
    expect(statuses(ordered.id)).toEqual([['CREATE', 'DRAFT', manager], ['UPDATE', 'ORDERED', manager], ['UPDATE', 'CANCELLED', manager]]);
    expect(statuses(partly.id)).toEqual([['CREATE', 'DRAFT', manager], ['UPDATE', 'ORDERED', manager], ['UPDATE', 'PARTIALLY_RECEIVED', manager]]);
  });

  it('gives 50 drafts created at once 50 different, consecutive numbers', async () => {
    const manager = await makeUser('MANAGER');
    const supplier = await newSupplier();
    const product = await newProduct();
    const input = createPurchaseOrderSchema.parse({ supplierId: supplier, lines: [{ productId: product.id, quantity: 1 }] });
    const orders = await Promise.all(Array.from({ length: 50 }, () => createPurchaseOrder({ input, actorId: manager })));
    const numbers = orders.map((order) => order.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.at(-1)! - numbers[0]!).toBe(49);
  });

  it('refuses unknown suppliers, locations and products with 404 naming the field, and a line for a product already on the order with 400', async () => {
    const manager = await makeUser('MANAGER');
    const supplier = await newSupplier();
    const product = await newProduct();
    await expectAppError(createPurchaseOrder({ input: createPurchaseOrderSchema.parse({ supplierId: 999_999, lines: [{ productId: product.id, quantity: 1 }] }), actorId: manager }), 'NOT_FOUND', { supplierId: 'No such supplier' });
    await expectAppError(createPurchaseOrder({ input: createPurchaseOrderSchema.parse({ supplierId: supplier, locationId: 999_999, lines: [{ productId: product.id, quantity: 1 }] }), actorId: manager }), 'NOT_FOUND', { locationId: 'No such location' });
    await expectAppError(createPurchaseOrder({ input: createPurchaseOrderSchema.parse({ supplierId: supplier, lines: [{ productId: product.id, quantity: 1 }, { productId: 999_999, quantity: 1 }] }), actorId: manager }), 'NOT_FOUND', { 'lines.1.productId': 'No such product' });
    const twice = createPurchaseOrderSchema.safeParse({ supplierId: supplier, lines: [{ productId: product.id, quantity: 1 }, { productId: product.id, quantity: 2 }] });
    expect(twice.success).toBe(false);
  });
});
