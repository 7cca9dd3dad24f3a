import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { createLocation } from '@/lib/inventory/create-location';
import { getDashboardSummary } from '@/lib/inventory/get-dashboard-summary';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { countLowStockProducts } from '@/lib/inventory/reports/count-low-stock-products';
import { getLowStockReport } from '@/lib/inventory/reports/get-low-stock-report';
import { getStockValuation, getStockValuationTotals, type ValuationRow } from '@/lib/inventory/reports/get-stock-valuation';
import { makeUser, newProduct, tag } from './catalog-fixtures';

/**
 * One valuation truth: the dashboard's stock value is the valuation report's total, and the
 * bounded forms the pages use (the largest lines and the totals from SQL, the most urgent
 * low-stock rows) agree with the whole reports built row by row, as of now and as of a past day.
 */

afterEach(() => {
  vi.useRealTimers();
});

function setClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function post(actorId: number, raw: Record<string, unknown>) {
  await postMovements({ actorId, movements: [movementInputSchema.parse(raw)] });
}

const cents = (money: string): bigint => {
  const match = /^(\d+)\.(\d{2})$/.exec(money);
  if (!match) throw new Error(`Not a money string: ${money}`);
  return BigInt(match[1]!) * 100n + BigInt(match[2]!);
};

/** The full report's rows as the bounded form orders them: largest value, then SKU key, then location code. */
function largestFirst(rows: ValuationRow[]): ValuationRow[] {
  return [...rows].sort((a, b) => {
    const byValue = cents(b.value) - cents(a.value);
    if (byValue !== 0n) return byValue > 0n ? 1 : -1;
    const bySku = a.sku.toLowerCase() < b.sku.toLowerCase() ? -1 : a.sku.toLowerCase() > b.sku.toLowerCase() ? 1 : 0;
    return bySku || (a.locationCode < b.locationCode ? -1 : a.locationCode > b.locationCode ? 1 : 0);
  });
}

describe('one valuation truth', () => {
  it('the dashboard total equals the valuation report total, and the limited report agrees with the whole one', async () => {
    const actorId = await makeUser('MANAGER');
    const main = (await db().location.findFirstOrThrow({ where: { isDefault: true, deletedAt: null } })).id;
    const bin = await createLocation({ input: createLocationSchema.parse({ code: tag('ONE'), name: 'Second bin' }), actorId: null });
    // Standard costs that differ from what was paid, so a standard-cost total would disagree.
    const products = await Promise.all(
      Array.from({ length: 7 }, (_, index) => newProduct({ cost: `${index + 1}.00`, reorderLevel: 10 + index * 5 }, actorId)),
    );
    setClock('2025-03-01T10:00:00Z');
    for (const [index, product] of products.entries()) {
      await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 3 + index * 4, unitCost: `${(index * 1.37 + 0.33).toFixed(2)}` });
    }
    setClock('2025-03-05T10:00:00Z');
    for (const [index, product] of products.entries()) {
      await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 5 + index, unitCost: `${(index * 2.11 + 1.07).toFixed(2)}` });
      if (index % 2 === 0) await post(actorId, { productId: product.id, type: 'TRANSFER', quantity: 2, locationId: main, toLocationId: bin.id });
      if (index % 3 === 0) await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 4 });
    }
    // A product whose stock all left: it has stock levels at zero and must not count as a line.
    await post(actorId, { productId: products[6]!.id, type: 'COUNT', quantity: 0 });
    vi.useRealTimers();

    const whole = await getStockValuation();
    const summary = await getDashboardSummary();
    expect(summary.stockValue).toBe(whole.totalValue);
    expect(cents(whole.totalValue)).toBeGreaterThan(0n);
    expect(await getStockValuationTotals()).toEqual({ totalValue: whole.totalValue, totalQuantity: whole.totalQuantity, lineCount: whole.rows.length });
    // The dashboard's other figures are unchanged by the move: units are the sum of live on-hand.
    expect(summary.unitsOnHand).toBe(whole.totalQuantity);

    for (const asOf of [undefined, '2025-03-01', '2025-03-04', '2025-03-05']) {
      const full = await getStockValuation({ asOf });
      const limited = await getStockValuation({ asOf, limit: 4 });
      expect(limited.rows, `asOf ${asOf ?? 'now'}`).toEqual(largestFirst(full.rows).slice(0, 4));
      expect({ totalValue: limited.totalValue, totalQuantity: limited.totalQuantity, lineCount: limited.lineCount }).toEqual({
        totalValue: full.totalValue,
        totalQuantity: full.totalQuantity,
        lineCount: full.rows.length,
      });
      expect(await getStockValuationTotals({ asOf })).toEqual({ totalValue: full.totalValue, totalQuantity: full.totalQuantity, lineCount: full.rows.length });
    }
    // Before anything was received nothing is worth anything.
    expect(await getStockValuation({ asOf: '2025-02-28', limit: 3 })).toMatchObject({ rows: [], totalValue: '0.00', totalQuantity: 0, lineCount: 0 });
  });

  it('the largest lines as of now are exact when only the products with the largest bounds are read', async () => {
    const actorId = await makeUser('MANAGER');
    const main = (await db().location.findFirstOrThrow({ where: { isDefault: true, deletedAt: null } })).id;
    const bin = await createLocation({ input: createLocationSchema.parse({ code: tag('TOP'), name: 'Top bin' }), actorId: null });
    // More products than the first round of candidates (64), with values that tie and with
    // stock split so that a product's whole on-hand overstates each of its lines.
    for (let index = 0; index < 90; index += 1) {
      const product = await newProduct({}, actorId);
      await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 10 + (index % 7) * 3, unitCost: `${1 + (index % 5)}.25` });
      if (index % 3 === 0) await post(actorId, { productId: product.id, type: 'TRANSFER', quantity: 5 + (index % 4), locationId: main, toLocationId: bin.id });
    }
    const full = largestFirst((await getStockValuation()).rows);
    for (const limit of [1, 3, 20, 50, 200]) {
      expect((await getStockValuation({ limit })).rows, `limit ${limit}`).toEqual(full.slice(0, limit));
    }
  });

  it('the low-stock report limited in SQL is the first rows of the whole report, most urgent first', async () => {
    const actorId = await makeUser('MANAGER');
    for (let index = 0; index < 6; index += 1) {
      const product = await newProduct({ reorderLevel: 20 + index * 3 }, actorId);
      await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 1 + index * 2, unitCost: '1.00' });
    }
    const whole = await getLowStockReport();
    expect(whole.length).toBeGreaterThanOrEqual(6);
    const shortfalls = whole.map((row) => row.onHand - row.reorderLevel);
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => a - b));
    expect(await getLowStockReport({ limit: 3 })).toEqual(whole.slice(0, 3));
    expect(await countLowStockProducts()).toBe(whole.length);
  });
});
