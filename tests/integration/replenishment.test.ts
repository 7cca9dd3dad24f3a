import { describe, expect, it } from 'vitest';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { draftOrdersFromSuggestions } from '@/lib/inventory/purchasing/draft-orders-from-suggestions';
import { listReplenishment, type ReplenishmentRow } from '@/lib/inventory/purchasing/list-replenishment';
import { getLowStockReport } from '@/lib/inventory/reports/get-low-stock-report';
import { makeUser, newProduct } from './catalog-fixtures';
import { link, newSupplier, orderedOrder, post } from './purchasing-fixtures';

const DAY_MS = 86_400_000;

async function rowsOf(productIds: number[], options: { days?: number; now?: Date; supplierId?: number } = {}): Promise<ReplenishmentRow[]> {
  const { data } = await listReplenishment({ days: options.days ?? 30, now: options.now, supplierId: options.supplierId });
  return data.filter((row) => productIds.includes(row.productId));
}

describe('replenishment', () => {
  it('computes usage from shipments in the window only, days of cover, the reorder point from lead time and safety stock, and a suggestion net of orders', async () => {
    const manager = await makeUser('MANAGER');
    const supplier = await newSupplier();
    const product = await newProduct({ reorderLevel: 5, safetyStock: 2, reorderQuantity: 4 });
    await link(product.id, supplier, { leadTimeDays: 10, preferred: true });
    await post(manager, product.id, 'RECEIPT', 40);
    await post(manager, product.id, 'SHIPMENT', 30);

    const [row] = await rowsOf([product.id]);
    // 30 shipped in 30 days: 1.00 a day; 10 days of lead time + 2 safety = 12 > reorder level 5.
    expect(row).toMatchObject({ onHand: 10, onOrder: 0, dailyUsage: '1.00', daysOfCover: 10, leadTimeDays: 10, reorderPoint: 12, suggestedQuantity: 4, supplierId: supplier });

    // A 60-day window halves the usage: 0.50 a day, 5 + 2 = 7 <= 10 on hand: nothing to order.
    expect(await rowsOf([product.id], { days: 60 })).toEqual([]);
    // Looked at 31 days later, the shipments have left the window: the reorder level (5) rules, 10 on hand is enough.
    expect(await rowsOf([product.id], { now: new Date(Date.now() + 31 * DAY_MS) })).toEqual([]);

    await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 1 }]);
    expect((await rowsOf([product.id]))[0]).toMatchObject({ onOrder: 1, suggestedQuantity: 4 });
    await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 1 }]);
    expect(await rowsOf([product.id])).toEqual([]);
  });

  it('takes the preferred supplier, else the quickest live one, else none with no lead time; filters by supplier and pages by product', async () => {
    const slow = await newSupplier();
    const quick = await newSupplier();
    const gone = await newSupplier();
    const preferred = await newProduct({ reorderLevel: 3 });
    const quickest = await newProduct({ reorderLevel: 3 });
    const orphan = await newProduct({ reorderLevel: 3, reorderQuantity: 2 });
    await link(preferred.id, slow, { leadTimeDays: 20, preferred: true });
    await link(preferred.id, quick, { leadTimeDays: 2 });
    await link(quickest.id, slow, { leadTimeDays: 20 });
    await link(quickest.id, quick, { leadTimeDays: 2 });
    await link(quickest.id, gone, { leadTimeDays: 1, preferred: true });
    await deleteSupplier({ id: gone, actorId: null });

    const ids = [preferred.id, quickest.id, orphan.id];
    expect((await rowsOf(ids)).map((row) => [row.productId, row.supplierId, row.leadTimeDays, row.suggestedQuantity])).toEqual([
      [preferred.id, slow, 20, 3],
      [quickest.id, quick, 2, 3],
      [orphan.id, null, 0, 3],
    ]);
    expect((await rowsOf(ids, { supplierId: quick })).map((row) => row.productId)).toEqual([quickest.id]);

    const first = await listReplenishment({ days: 30, limit: 1, cursor: preferred.id - 1 });
    expect(first.data.map((row) => row.productId)).toEqual([preferred.id]);
    const second = await listReplenishment({ days: 30, limit: 1, cursor: preferred.id });
    expect(second.data.map((row) => row.productId)).toEqual([quickest.id]);
    expect(first.nextCursor).not.toBeNull();
  });

  it('drafts one order per supplier from the suggestions, leaving products without a supplier out; the low-stock report subtracts what is on order', async () => {
    const manager = await makeUser('MANAGER');
    const [a, b] = [await newSupplier(), await newSupplier()];
    const one = await newProduct({ reorderLevel: 10, reorderQuantity: 6, cost: '2.00' });
    const two = await newProduct({ reorderLevel: 10, reorderQuantity: 6 });
    const three = await newProduct({ reorderLevel: 10, reorderQuantity: 6 });
    const none = await newProduct({ reorderLevel: 10 });
    await link(one.id, a, { preferred: true, unitCostCents: 150 });
    await link(two.id, a, { preferred: true });
    await link(three.id, b, { preferred: true, unitCostCents: 99 });

    const drafts = await draftOrdersFromSuggestions({ input: {}, actorId: manager });
    const mine = drafts.filter((order) => [a, b].includes(order.supplierId));
    expect(mine.map((order) => [order.supplierId, order.status, order.lines.map((line) => [line.productId, line.quantity, line.unitCostCents])])).toEqual([
      [a, 'DRAFT', [[one.id, 10, 150], [two.id, 10, 0]]],
      [b, 'DRAFT', [[three.id, 10, 99]]],
    ]);
    expect(drafts.flatMap((order) => order.lines).some((line) => line.productId === none.id)).toBe(false);
    expect(await draftOrdersFromSuggestions({ input: { supplierId: b }, actorId: manager })).toHaveLength(1);

    const lowBefore = (await getLowStockReport()).find((row) => row.productId === one.id);
    expect(lowBefore?.suggestedOrderQuantity).toBe(10);
    await orderedOrder(manager, a, [{ productId: one.id, quantity: 7 }]);
    expect((await getLowStockReport()).find((row) => row.productId === one.id)?.suggestedOrderQuantity).toBe(3);
    await orderedOrder(manager, a, [{ productId: one.id, quantity: 7 }]);
    expect((await getLowStockReport()).find((row) => row.productId === one.id)?.suggestedOrderQuantity).toBe(0);
  });
});
