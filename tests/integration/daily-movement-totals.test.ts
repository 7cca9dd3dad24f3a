import { describe, expect, it } from 'vitest';
import { createLocation } from '@/lib/inventory/create-location';
import { getDailyMovementTotals } from '@/lib/inventory/get-daily-movement-totals';
import { getProduct } from '@/lib/inventory/get-product';
import { getProductStockHistory } from '@/lib/inventory/get-product-stock-history';
import { listAlerts } from '@/lib/inventory/list-alerts';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { makeUser, newProduct, tag } from './catalog-fixtures';

/**
 * The dashboard's movements chart, the product page's on-hand chart and its alert list, on a
 * real database of either engine. Movements can only be posted "now" (the ledger is
 * append-only), so other days are reached by moving the reading day instead.
 */

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

async function setting() {
  const actorId = await makeUser();
  const product = await newProduct({ reorderLevel: 10, safetyStock: 2 });
  const shelf = await createLocation({ input: createLocationSchema.parse({ code: tag('SHELF'), name: 'Shelf' }), actorId });
  return { actorId, product, shelf };
}

const move = (productId: number, type: 'RECEIPT' | 'SHIPMENT' | 'ADJUSTMENT' | 'COUNT', quantity: number, locationId?: number) => ({
  productId,
  type,
  quantity,
  locationId,
  reason: null,
  reference: null,
});

describe('daily movement totals', () => {
  it('counts units in and out per UTC day, leaves transfers out of the units, and fills quiet days with zeros', async () => {
    const { actorId, product, shelf } = await setting();
    const before = await getDailyMovementTotals({ days: 30 });
    const { answer } = await postMovements({
      actorId,
      batch: true,
      movements: [move(product.id, 'RECEIPT', 40), move(product.id, 'SHIPMENT', 15), move(product.id, 'ADJUSTMENT', -3), move(product.id, 'ADJUSTMENT', 2)],
    });
    await postMovements({ actorId, movements: [{ ...move(product.id, 'RECEIPT', 0), type: 'TRANSFER', quantity: 5, toLocationId: shelf.id }] });
    const postedAt = answer.data[0]!.createdAt;
    const now = new Date(postedAt);

    const after = await getDailyMovementTotals({ days: 30, now });
    expect(after).toHaveLength(30);
    expect(after.at(-1)!.day).toBe(dayOf(now));
    expect(after[0]!.day).toBe(dayOf(daysAfter(now, -29)));
    const today = after.at(-1)!;
    const todayBefore = before.find((row) => row.day === today.day) ?? { unitsIn: 0, unitsOut: 0, movements: 0 };
    // 40 + 2 in, 15 + 3 out; the transfer's two legs count as movements only.
    expect({ unitsIn: today.unitsIn - todayBefore.unitsIn, unitsOut: today.unitsOut - todayBefore.unitsOut, movements: today.movements - todayBefore.movements }).toEqual({
      unitsIn: 42,
      unitsOut: 18,
      movements: 6,
    });
    expect(after.slice(0, -1).every((row) => row.unitsIn === 0 && row.unitsOut === 0 && row.movements === 0)).toBe(true);

    // Read three days later: today's movements sit three places from the end, inside the window.
    const later = await getDailyMovementTotals({ days: 7, now: daysAfter(now, 3) });
    expect(later.map((row) => row.day)).toEqual(Array.from({ length: 7 }, (_, index) => dayOf(daysAfter(now, index - 3))));
    expect(later[3]).toEqual(today);
    expect(later.filter((row) => row.movements > 0)).toEqual([today]);

    // Read from a month later, the movements fall out of the window.
    const monthLater = await getDailyMovementTotals({ days: 30, now: daysAfter(now, 30) });
    expect(monthLater.every((row) => row.movements === 0)).toBe(true);
  });
});

describe('product stock history', () => {
  it('is the on hand over all locations at the end of each day, carried over quiet days', async () => {
    const { actorId, product, shelf } = await setting();
    const { answer } = await postMovements({ actorId, movements: [move(product.id, 'RECEIPT', 30), move(product.id, 'RECEIPT', 7, shelf.id)], batch: true });
    await postMovements({ actorId, movements: [{ ...move(product.id, 'RECEIPT', 0), type: 'TRANSFER', quantity: 4, toLocationId: shelf.id }] });
    await postMovements({ actorId, movements: [move(product.id, 'SHIPMENT', 6, shelf.id), move(product.id, 'COUNT', 12)], batch: true });
    const now = new Date(answer.data[0]!.createdAt);
    const { onHand } = await getProduct({ id: product.id });
    // 30 + 7 in, the transfer nets to zero, 6 shipped from the shelf (5 left there), MAIN counted at 12.
    expect(onHand).toBe(17);

    const history = await getProductStockHistory({ productId: product.id, days: 5, now: daysAfter(now, 2) });
    expect(history).toEqual([
      { day: dayOf(daysAfter(now, -2)), onHand: 0 },
      { day: dayOf(daysAfter(now, -1)), onHand: 0 },
      { day: dayOf(now), onHand: 17 },
      { day: dayOf(daysAfter(now, 1)), onHand: 17 },
      { day: dayOf(daysAfter(now, 2)), onHand: 17 },
    ]);
    // Read long after, the opening balance comes from history before the window.
    expect(await getProductStockHistory({ productId: product.id, days: 3, now: daysAfter(now, 400) })).toEqual([
      { day: dayOf(daysAfter(now, 398)), onHand: 17 },
      { day: dayOf(daysAfter(now, 399)), onHand: 17 },
      { day: dayOf(daysAfter(now, 400)), onHand: 17 },
    ]);
    // Another product's movements do not leak in.
    const other = await newProduct();
    expect((await getProductStockHistory({ productId: other.id, days: 2, now })).map((point) => point.onHand)).toEqual([0, 0]);
  });
});

describe('alerts of one product', () => {
  it('listAlerts narrows to a product when asked and lists every product otherwise', async () => {
    const { actorId, product } = await setting();
    const other = await newProduct({ reorderLevel: 5 });
    // Below the reorder level (10 and 5) after the shipments: one alert each.
    await postMovements({ actorId, movements: [move(product.id, 'RECEIPT', 20), move(other.id, 'RECEIPT', 20)], batch: true });
    await postMovements({ actorId, movements: [move(product.id, 'SHIPMENT', 15), move(other.id, 'SHIPMENT', 18)], batch: true });
    const mine = await listAlerts({ status: 'ACTIVE', limit: 10, productId: product.id });
    expect(mine.data.map((alert) => [alert.productId, alert.onHandAtTrigger])).toEqual([[product.id, 5]]);
    const everyone = await listAlerts({ status: 'ACTIVE', limit: 200 });
    expect(everyone.data.map((alert) => alert.productId)).toEqual(expect.arrayContaining([product.id, other.id]));
    // Back above the level: the alert moves to RESOLVED, still found by product. The product
    // was created with nothing on hand, so its first alert opened then and the first receipt
    // resolved it: two resolved, newest first.
    await postMovements({ actorId, movements: [move(product.id, 'RECEIPT', 10)] });
    expect((await listAlerts({ status: 'ACTIVE', limit: 10, productId: product.id })).data).toEqual([]);
    const resolved = await listAlerts({ status: 'RESOLVED', limit: 10, productId: product.id });
    expect(resolved.data.map((alert) => [alert.productId, alert.onHandAtTrigger])).toEqual([
      [product.id, 5],
      [product.id, 0],
    ]);
  });
});
