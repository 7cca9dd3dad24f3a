import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadProductPage } from '@/lib/inventory/catalog/load-product-page';
import { createLocation } from '@/lib/inventory/create-location';
import { getProduct } from '@/lib/inventory/get-product';
import { movementListQuerySchema } from '@/lib/inventory/list-movements';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { cancelPurchaseOrder } from '@/lib/inventory/purchasing/cancel-purchase-order';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { makeUser, newProduct, tag } from './catalog-fixtures';
import { newSupplier, orderedOrder } from './purchasing-fixtures';

/**
 * The product page's loader: where the stock is, a ledger page with transfer routes, alerts,
 * and the average cost and stock value that the valuation report gives for the same product.
 */

function ledgerQuery(raw: Record<string, string>) {
  const { limit, cursor, ...filter } = movementListQuerySchema.parse(raw);
  return { filter, limit, cursor };
}

describe('loadProductPage', () => {
  it('shows where the stock is, the ledger page with transfer routes, the alerts, and the valuation report figures', async () => {
    const actorId = await makeUser('MANAGER');
    const main = (await db().location.findFirstOrThrow({ where: { isDefault: true, deletedAt: null } })).id;
    const bin = await createLocation({ input: createLocationSchema.parse({ code: tag('PAGE'), name: 'Page bin' }), actorId: null });
    const empty = await createLocation({ input: createLocationSchema.parse({ code: tag('NEVER'), name: 'Never used' }), actorId: null });
    const product = await newProduct({ cost: '9.99', reorderLevel: 12 }, actorId);
    const post = (raw: Record<string, unknown>) => postMovements({ actorId, movements: [movementInputSchema.parse({ productId: product.id, ...raw })] });
    await post({ type: 'RECEIPT', quantity: 3, unitCost: '1.00' });
    await post({ type: 'RECEIPT', quantity: 4, unitCost: '2.00' });
    await post({ type: 'TRANSFER', quantity: 2, locationId: main, toLocationId: bin.id });

    const view = await loadProductPage({ product: await getProduct({ id: product.id }), ledger: ledgerQuery({ productId: String(product.id), limit: '3' }), historyDays: 30, alertCount: 6 });
    expect(view.lowStock).toBe(true);
    expect(view.alerts.map((alert) => alert.status)).toEqual(['ACTIVE']);
    expect(view.levels.map((level) => [level.id, level.onHand])).toEqual(expect.arrayContaining([[main, 5], [bin.id, 2]]));
    expect(view.levels.some((level) => level.id === empty.id)).toBe(false);
    expect(view.stockLocations.map((location) => location.id)).toEqual(expect.arrayContaining([main, bin.id, empty.id]));
    expect(view.neverHeld).toBe(view.stockLocations.length - 2);
    // 3 at 1.00 and 4 at 2.00: 11/7 = 1.571428...; the standard cost 9.99 plays no part.
    expect(view.averageCost).toBe('1.5714');
    const lines = (await getStockValuation()).rows.filter((row) => row.productId === product.id);
    const total = lines.reduce((sum, row) => sum + Math.round(Number(row.value) * 100), 0);
    expect(Math.round(Number(view.stockValue) * 100)).toBe(total);
    expect(view.stockValue).toBe('11.00');

    expect(view.ledger?.rows.map((row) => [row.type, row.quantity, row.transfer])).toEqual([
      ['TRANSFER', 2, { from: expect.any(String), to: bin.code }],
      ['TRANSFER', -2, { from: expect.any(String), to: bin.code }],
      ['RECEIPT', 4, null],
    ]);
    expect(view.ledger?.nextCursor).toEqual(expect.any(String));
    const onlyBin = await loadProductPage({
      product: await getProduct({ id: product.id }),
      ledger: ledgerQuery({ productId: String(product.id), locationId: String(bin.id) }),
      historyDays: 30,
      alertCount: 6,
    });
    // One leg on the page: the route names only this leg's end.
    expect(onlyBin.ledger?.rows.map((row) => row.transfer)).toEqual([{ from: null, to: bin.code }]);
    expect((await loadProductPage({ product: await getProduct({ id: product.id }), ledger: null, historyDays: 30, alertCount: 6 })).ledger).toBeNull();
  });

  it('shows days of cover from the last 30 days of shipments and the purchase orders still bringing the product in', async () => {
    const manager = await makeUser('MANAGER');
    const product = await newProduct({ reorderLevel: 5 }, manager);
    const supplier = await newSupplier();
    const none = await loadProductPage({ product: await getProduct({ id: product.id }), ledger: null, historyDays: 30, alertCount: 6 });
    expect(none.usage).toEqual({ days: 30, shipped: 0, dailyUsage: '0.00', daysOfCover: null });
    expect(none.openOrders).toEqual([]);

    await postMovements({
      actorId: manager,
      movements: [
        movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 40, unitCost: '1.00' }),
        movementInputSchema.parse({ productId: product.id, type: 'SHIPMENT', quantity: 15 }),
        movementInputSchema.parse({ productId: product.id, type: 'ADJUSTMENT', quantity: -5, reason: 'Broken' }),
      ],
    });
    const ordered = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 12, unitCost: '1.00' }]);
    const cancelled = await orderedOrder(manager, supplier, [{ productId: product.id, quantity: 3, unitCost: '1.00' }]);
    await cancelPurchaseOrder({ id: cancelled.id, actorId: manager });

    const view = await loadProductPage({ product: await getProduct({ id: product.id }), ledger: null, historyDays: 30, alertCount: 6 });
    // 15 shipped in 30 days (the adjustment is not usage): 0.50 a day; 20 on hand last 40 days.
    expect(view.usage).toEqual({ days: 30, shipped: 15, dailyUsage: '0.50', daysOfCover: 40 });
    expect(view.product.onOrder).toBe(12);
    expect(view.openOrders).toEqual([{ id: ordered.id, number: formatOrderNumber(ordered.number), status: 'ORDERED', remaining: 12, expectedAt: null }]);
  });
});
