import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { createLocation } from '@/lib/inventory/create-location';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { updateProduct } from '@/lib/inventory/update-product';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { getLowStockReport } from '@/lib/inventory/reports/get-low-stock-report';
import { getStockValuation, type ValuationRow } from '@/lib/inventory/reports/get-stock-valuation';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { EXPORT_FILE_NAME, runExport } from '@/lib/inventory/reports/run-export';
import { makeUser, newProduct, productPatch, tag } from './catalog-fixtures';

/**
 * The reports on this engine: stock valuation at the moving weighted average cost, checked
 * against values computed by hand to the cent, as of dates before, between and after the
 * movements (posted through postMovements with the clock set to those days, so the ledger is
 * the one the application itself writes); and the scheduled export run twice at once.
 */

afterEach(() => {
  vi.useRealTimers();
});

/** Runs the next postings as if it were this instant (only Date is faked; timers stay real). */
function setClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

/** Posts one movement as a client sends it (money as text), through the API's own schema. */
async function post(actorId: number, raw: Record<string, unknown>) {
  const movement = movementInputSchema.parse(raw);
  const { answer } = await postMovements({ actorId, movements: [movement] });
  return answer;
}

async function newLocation(): Promise<{ id: number; code: string }> {
  const location = await createLocation({ input: createLocationSchema.parse({ code: tag('VAL'), name: 'Valuation bin' }), actorId: null });
  return { id: location.id, code: location.code };
}

async function defaultLocationId(): Promise<number> {
  return (await db().location.findFirstOrThrow({ where: { isDefault: true, deletedAt: null } })).id;
}

type Row = Pick<ValuationRow, 'locationId' | 'quantity' | 'unitCost' | 'value'>;

/** A product's valuation rows, by location id, in the fields that carry numbers. */
async function rowsOf(productId: number, asOf?: string): Promise<Row[]> {
  const valuation = await getStockValuation({ asOf });
  return valuation.rows
    .filter((row) => row.productId === productId)
    .map(({ locationId, quantity, unitCost, value }) => ({ locationId, quantity, unitCost, value }))
    .sort((a, b) => a.locationId - b.locationId);
}

const cents = (money: string): bigint => {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(money);
  if (!match) throw new Error(`Not a money string: ${money}`);
  return (match[1] ? -1n : 1n) * (BigInt(match[2]!) * 100n + BigInt(match[3]!));
};

describe('stock valuation, moving weighted average', () => {
  it('matches a hand computation to the cent as of every day: before, between and after the movements', async () => {
    const actorId = await makeUser('MANAGER');
    const product = await newProduct({ cost: '7.77' }, actorId);
    const main = await defaultLocationId();
    const bin = await newLocation();
    const both = (mainRow: Omit<Row, 'locationId'>, binRow: Omit<Row, 'locationId'>): Row[] =>
      [
        { locationId: main, ...mainRow },
        { locationId: bin.id, ...binRow },
      ].sort((a, b) => a.locationId - b.locationId);

    setClock('2025-06-02T10:00:00Z');
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 10, unitCost: '2.00' });
    setClock('2025-06-03T10:00:00Z');
    await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 4 });
    setClock('2025-06-05T10:00:00Z');
    // (6 x 2.00 + 3 x 3.50) / 9 = 22.50 / 9 = 2.50
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 3, unitCost: '3.50' });
    setClock('2025-06-06T10:00:00Z');
    await post(actorId, { productId: product.id, type: 'TRANSFER', quantity: 4, toLocationId: bin.id });
    setClock('2025-06-08T10:00:00Z');
    // A receipt at another location joins the same average: (9 x 2.50 + 2 x 1.00) / 11 = 24.50 / 11 = 2.227272...
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 2, unitCost: '1.00', locationId: bin.id });
    setClock('2025-06-09T10:00:00Z');
    // Counted 3 where the ledger says 5: the count posts -2 at the average.
    const count = await post(actorId, { productId: product.id, type: 'COUNT', quantity: 3 });
    expect(count.data[0]).toMatchObject({ quantity: -2, balanceAfter: 3 });
    // The last millisecond of the 10th and the first of the 11th: the day boundary is UTC midnight.
    setClock('2025-06-10T23:59:59.999Z');
    await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 1, locationId: bin.id });
    setClock('2025-06-11T00:00:00.000Z');
    // (8 x 24.50/11 + 1 x 10.00) / 9 = (196/11 + 110/11) / 9 = 306 / 99 = 3.090909...
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 1, unitCost: '10.00' });
    vi.useRealTimers();

    const expectations: Array<[string | undefined, Row[]]> = [
      ['2025-05-01', []],
      ['2025-06-01', []],
      ['2025-06-02', [{ locationId: main, quantity: 10, unitCost: '2.0000', value: '20.00' }]],
      // Between the shipment and the second receipt: 6 at 2.00.
      ['2025-06-03', [{ locationId: main, quantity: 6, unitCost: '2.0000', value: '12.00' }]],
      ['2025-06-04', [{ locationId: main, quantity: 6, unitCost: '2.0000', value: '12.00' }]],
      ['2025-06-05', [{ locationId: main, quantity: 9, unitCost: '2.5000', value: '22.50' }]],
      ['2025-06-06', both({ quantity: 5, unitCost: '2.5000', value: '12.50' }, { quantity: 4, unitCost: '2.5000', value: '10.00' })],
      ['2025-06-07', both({ quantity: 5, unitCost: '2.5000', value: '12.50' }, { quantity: 4, unitCost: '2.5000', value: '10.00' })],
      // 5 x 24.50/11 = 11.136 -> 11.14; 6 x 24.50/11 = 13.363 -> 13.36
      ['2025-06-08', both({ quantity: 5, unitCost: '2.2273', value: '11.14' }, { quantity: 6, unitCost: '2.2273', value: '13.36' })],
      // 3 x 24.50/11 = 6.681 -> 6.68
      ['2025-06-09', both({ quantity: 3, unitCost: '2.2273', value: '6.68' }, { quantity: 6, unitCost: '2.2273', value: '13.36' })],
      ['2025-06-10', both({ quantity: 3, unitCost: '2.2273', value: '6.68' }, { quantity: 5, unitCost: '2.2273', value: '11.14' })],
      // 4 x 306/99 = 12.3636 -> 12.36; 5 x 306/99 = 15.4545 -> 15.45
      ['2025-06-11', both({ quantity: 4, unitCost: '3.0909', value: '12.36' }, { quantity: 5, unitCost: '3.0909', value: '15.45' })],
      ['2025-12-31', both({ quantity: 4, unitCost: '3.0909', value: '12.36' }, { quantity: 5, unitCost: '3.0909', value: '15.45' })],
      [undefined, both({ quantity: 4, unitCost: '3.0909', value: '12.36' }, { quantity: 5, unitCost: '3.0909', value: '15.45' })],
    ];
    for (const [asOf, expected] of expectations) {
      expect(await rowsOf(product.id, asOf), `asOf ${asOf ?? 'now'}`).toEqual(expected);
    }

    const whole = await getStockValuation({ asOf: '2025-06-10' });
    expect(whole.asOf).toBe('2025-06-10');
    const mine = whole.rows.filter((row) => row.productId === product.id);
    expect(mine.map((row) => [row.sku, row.name, row.locationCode])).toEqual(
      expect.arrayContaining([
        [product.sku, product.name, bin.code],
        [product.sku, product.name, expect.any(String)],
      ]),
    );
    expect(whole.totalQuantity).toBe(whole.rows.reduce((sum, row) => sum + row.quantity, 0));
    expect(cents(whole.totalValue)).toBe(whole.rows.reduce((sum, row) => sum + cents(row.value), 0n));
    // Read two products per page, the rows and totals are the same as in one page.
    expect(await getStockValuation({ asOf: '2025-06-10', productsPerPage: 2 })).toEqual(whole);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('posted today: nothing as of yesterday, the full value as of today and after', async () => {
    const actorId = await makeUser('CLERK');
    const product = await newProduct({}, actorId);
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 10, unitCost: '2.00' });
    await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 4 });
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 3, unitCost: '3.50' });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const main = await defaultLocationId();
    const full = [{ locationId: main, quantity: 9, unitCost: '2.5000', value: '22.50' }];
    expect(await rowsOf(product.id, day(-1))).toEqual([]);
    expect(await rowsOf(product.id, day(0))).toEqual(full);
    expect(await rowsOf(product.id, day(1))).toEqual(full);
    expect(await rowsOf(product.id)).toEqual(full);
  });

  it('rounds exactly: thirds, a receipt without a cost, selling out and restocking', async () => {
    const actorId = await makeUser('MANAGER');
    const main = await defaultLocationId();

    // 2 @ 1.00 + 1 @ 2.00: average 4.00 / 3; 3 units are worth exactly 4.00, 2 units 2.666... -> 2.67, 1 unit 1.33.
    const thirds = await newProduct({}, actorId);
    await post(actorId, { productId: thirds.id, type: 'RECEIPT', quantity: 2, unitCost: '1.00' });
    await post(actorId, { productId: thirds.id, type: 'RECEIPT', quantity: 1, unitCost: '2.00' });
    expect(await rowsOf(thirds.id)).toEqual([{ locationId: main, quantity: 3, unitCost: '1.3333', value: '4.00' }]);
    await post(actorId, { productId: thirds.id, type: 'SHIPMENT', quantity: 1 });
    expect(await rowsOf(thirds.id)).toEqual([{ locationId: main, quantity: 2, unitCost: '1.3333', value: '2.67' }]);
    await post(actorId, { productId: thirds.id, type: 'ADJUSTMENT', quantity: -1 });
    expect(await rowsOf(thirds.id)).toEqual([{ locationId: main, quantity: 1, unitCost: '1.3333', value: '1.33' }]);

    // Half a cent rounds up: 3 @ 1.00 + 3 @ 1.01 -> 1.005; 6 units 6.03, 5 units 5.025 -> 5.03.
    const half = await newProduct({}, actorId);
    await post(actorId, { productId: half.id, type: 'RECEIPT', quantity: 3, unitCost: '1.00' });
    await post(actorId, { productId: half.id, type: 'RECEIPT', quantity: 3, unitCost: 1.01 });
    expect(await rowsOf(half.id)).toEqual([{ locationId: main, quantity: 6, unitCost: '1.0050', value: '6.03' }]);
    await post(actorId, { productId: half.id, type: 'SHIPMENT', quantity: 1 });
    expect(await rowsOf(half.id)).toEqual([{ locationId: main, quantity: 5, unitCost: '1.0050', value: '5.03' }]);

    // No unit cost on the receipt: the product's cost is used.
    const costed = await newProduct({ cost: '4.10' }, actorId);
    await post(actorId, { productId: costed.id, type: 'RECEIPT', quantity: 2 });
    await post(actorId, { productId: costed.id, type: 'RECEIPT', quantity: 2, unitCost: '4.20' });
    expect(await rowsOf(costed.id)).toEqual([{ locationId: main, quantity: 4, unitCost: '4.1500', value: '16.60' }]);

    // Sold out, then restocked: the old average no longer weighs in. A count up moves stock at the average.
    const restocked = await newProduct({}, actorId);
    await post(actorId, { productId: restocked.id, type: 'RECEIPT', quantity: 4, unitCost: '5.00' });
    await post(actorId, { productId: restocked.id, type: 'SHIPMENT', quantity: 4 });
    expect(await rowsOf(restocked.id)).toEqual([]);
    await post(actorId, { productId: restocked.id, type: 'RECEIPT', quantity: 2, unitCost: '1.00' });
    await post(actorId, { productId: restocked.id, type: 'COUNT', quantity: 5 });
    expect(await rowsOf(restocked.id)).toEqual([{ locationId: main, quantity: 5, unitCost: '1.0000', value: '5.00' }]);

    // Large but exact: a billion units at 21,474,836.47 (the largest unit cost) is far past 2^53 cents.
    const huge = await newProduct({}, actorId);
    await post(actorId, { productId: huge.id, type: 'RECEIPT', quantity: 1_000_000_000, unitCost: '21474836.47' });
    expect(await rowsOf(huge.id)).toEqual([{ locationId: main, quantity: 1_000_000_000, unitCost: '21474836.4700', value: '21474836470000000.00' }]);
  });

  it('agrees with an exact rational model over random movements (within the last cent)', async () => {
    const actorId = await makeUser('MANAGER');
    const main = await defaultLocationId();
    const bin = await newLocation();
    const locations = [main, bin.id];
    const operation = fc.record({
      type: fc.constantFrom('RECEIPT', 'RECEIPT', 'SHIPMENT', 'TRANSFER', 'COUNT', 'ADJUSTMENT' as const),
      quantity: fc.integer({ min: 1, max: 40 }),
      costCents: fc.option(fc.integer({ min: 0, max: 9_999 }), { nil: undefined }),
      at: fc.constantFrom(0, 1),
      negative: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2_000 }), fc.array(operation, { minLength: 1, maxLength: 12 }), async (productCostCents, operations) => {
        const product = await newProduct({ cost: (productCostCents / 100).toFixed(2) }, actorId);
        const held = new Map<number, bigint>(locations.map((id) => [id, 0n]));
        // The average cost in cents as an exact fraction.
        let numerator = 0n;
        let denominator = 1n;
        for (const op of operations) {
          const from = locations[op.at]!;
          const to = locations[1 - op.at]!;
          const raw: Record<string, unknown> = { productId: product.id, type: op.type, locationId: from };
          if (op.type === 'RECEIPT') {
            raw.quantity = op.quantity;
            if (op.costCents !== undefined) raw.unitCost = (op.costCents / 100).toFixed(2);
          } else if (op.type === 'ADJUSTMENT') raw.quantity = op.negative ? -op.quantity : op.quantity;
          else if (op.type === 'COUNT') raw.quantity = op.quantity - 1;
          else raw.quantity = op.quantity;
          if (op.type === 'TRANSFER') raw.toLocationId = to;
          const outcome = await post(actorId, raw).then(
            () => 'OK',
            (error: unknown) => (isAppError(error) ? error.code : `UNEXPECTED ${String(error)}`),
          );
          expect(['OK', 'INSUFFICIENT_STOCK']).toContain(outcome);
          if (outcome !== 'OK') continue;
          const q = BigInt(op.quantity);
          const total = [...held.values()].reduce((sum, value) => sum + value, 0n);
          switch (op.type) {
            case 'RECEIPT': {
              const cost = BigInt(op.costCents ?? productCostCents);
              // (total x n/d + q x cost) / (total + q)
              numerator = total * numerator + q * cost * denominator;
              denominator = denominator * (total + q);
              held.set(from, held.get(from)! + q);
              break;
            }
            case 'SHIPMENT':
              held.set(from, held.get(from)! - q);
              break;
            case 'ADJUSTMENT':
              held.set(from, held.get(from)! + (op.negative ? -q : q));
              break;
            case 'COUNT':
              held.set(from, q - 1n);
              break;
            case 'TRANSFER':
              held.set(from, held.get(from)! - q);
              held.set(to, held.get(to)! + q);
              break;
          }
        }
        const rows = await rowsOf(product.id);
        const expectedLocations = locations.filter((id) => held.get(id)! !== 0n).sort((a, b) => a - b);
        expect(rows.map((row) => row.locationId)).toEqual(expectedLocations);
        for (const row of rows) {
          const quantity = held.get(row.locationId)!;
          expect(BigInt(row.quantity)).toBe(quantity);
          // Exact value in cents, rounded half up.
          const exact = (2n * quantity * numerator + denominator) / (2n * denominator);
          const difference = cents(row.value) - exact;
          expect(difference >= -1n && difference <= 1n, `value ${row.value} vs exact ${exact} cents`).toBe(true);
          const averageTenThousandths = (2n * numerator * 100n + denominator) / (2n * denominator);
          const shown = BigInt(row.unitCost.replace('.', ''));
          expect(shown - averageTenThousandths >= -1n && shown - averageTenThousandths <= 1n, `unitCost ${row.unitCost}`).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
    expect((await verifyLedger()).discrepancies).toEqual([]);
  }, 120_000);

  it('a past valuation does not change when the product cost is edited later', async () => {
    const actorId = await makeUser('MANAGER');
    const product = await newProduct({ cost: '4.00' }, actorId);
    setClock('2025-03-10T12:00:00Z');
    // A receipt without a unit cost is valued at the product's cost when it was received.
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 2 });
    vi.useRealTimers();
    const before = await rowsOf(product.id, '2025-03-10');
    expect(before).toEqual([expect.objectContaining({ quantity: 2, unitCost: '4.0000', value: '8.00' })]);

    await updateProduct({ id: product.id, input: productPatch({ cost: '6.00' }), actorId });
    // The ledger of 10 March did not change, so neither may its valuation.
    expect(await rowsOf(product.id, '2025-03-10')).toEqual(before);
  });
});

describe('the ledger in time', () => {
  it('never dates a movement before one that precedes it in the ledger, so "as of" cuts are prefixes', async () => {
    // asOf and from/to cut the ledger by createdAt, while balances chain by id: a cut is only a
    // consistent ledger when createdAt never decreases along the ids of a product.
    const actorId = await makeUser('CLERK');
    const product = await newProduct({}, actorId);
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 1_000 });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        post(actorId, { productId: product.id, type: index % 3 === 0 ? 'RECEIPT' : 'SHIPMENT', quantity: 1 }).then(
          () => 'OK',
          (error: unknown) => (isAppError(error) ? error.code : `UNEXPECTED ${String(error)}`),
        ),
      ),
    );
    expect(outcomes.every((outcome) => outcome === 'OK')).toBe(true);
    const rows = await db().stockMovement.findMany({ where: { productId: product.id }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(61);
    const backwards = rows.flatMap((row, index) => {
      const previous = rows[index - 1];
      return previous && row.createdAt < previous.createdAt
        ? [`#${row.id} ${row.createdAt.toISOString()} (balance ${row.balanceAfter}) after #${previous.id} ${previous.createdAt.toISOString()} (balance ${previous.balanceAfter})`]
        : [];
    });
    expect(backwards).toEqual([]);
  });
});

describe('iterateMovements, the movements export', () => {
  async function collect(...args: Parameters<typeof iterateMovements>) {
    const rows = [];
    for await (const row of iterateMovements(...args)) rows.push(row);
    return rows;
  }

  it('reads page after page: every matching row once, newest first, whatever the page size', async () => {
    const actorId = await makeUser('CLERK');
    const [product, other] = [await newProduct({}, actorId), await newProduct({}, actorId)];
    const elsewhere = await newLocation();
    setClock('2025-05-01T09:00:00Z');
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 50, unitCost: '2.00' });
    await post(actorId, { productId: other.id, type: 'RECEIPT', quantity: 5 });
    setClock('2025-05-02T09:00:00Z');
    for (let index = 0; index < 5; index += 1) await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 1 });
    await post(actorId, { productId: product.id, type: 'TRANSFER', quantity: 10, toLocationId: elsewhere.id });
    setClock('2025-05-03T09:00:00Z');
    await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 2 });
    vi.useRealTimers();

    const ledger = await db().stockMovement.findMany({ where: { productId: product.id }, orderBy: { id: 'desc' } });
    expect(ledger).toHaveLength(9);
    const filter = { productId: product.id, from: undefined, to: undefined };
    for (const pageSize of [1, 2, 3, 9, 1_000]) {
      const rows = await collect(filter, { pageSize });
      expect(rows.map((row) => row.id)).toEqual(ledger.map((row) => row.id));
    }
    const [newest] = await collect(filter);
    expect(newest).toMatchObject({ sku: product.sku, productName: product.name, type: 'SHIPMENT', quantity: -2, balanceAfter: 33 });

    // The filters hold on every page, not only the first.
    const secondOfMay = await collect({ productId: product.id, from: '2025-05-02', to: '2025-05-02' }, { pageSize: 2 });
    expect(secondOfMay.map((row) => row.type)).toEqual(['TRANSFER', 'TRANSFER', 'SHIPMENT', 'SHIPMENT', 'SHIPMENT', 'SHIPMENT', 'SHIPMENT']);
    const atElsewhere = await collect({ productId: product.id, locationId: elsewhere.id, from: undefined, to: undefined }, { pageSize: 1 });
    expect(atElsewhere.map((row) => [row.locationCode, row.quantity])).toEqual([[elsewhere.code, 10]]);
    const shipments = await collect({ productId: product.id, type: 'SHIPMENT', from: undefined, to: undefined }, { pageSize: 4 });
    expect(shipments.map((row) => row.quantity)).toEqual([-2, -1, -1, -1, -1, -1]);
  });

  it('stops before the next page once the client has gone', async () => {
    const actorId = await makeUser('CLERK');
    const product = await newProduct({}, actorId);
    for (let index = 0; index < 3; index += 1) await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 1 });
    const controller = new AbortController();
    const read: unknown[] = [];
    await expect(
      (async () => {
        for await (const row of iterateMovements({ productId: product.id, from: undefined, to: undefined }, { pageSize: 1, signal: controller.signal })) {
          read.push(row);
          controller.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(read).toHaveLength(1);
  });
});

describe('runExport', () => {
  it('run twice at once: eight complete files, no temporary leftovers, records that match the files', async () => {
    const actorId = await makeUser('ADMIN');
    const low = await newProduct({ name: '=HYPERLINK("x"), "low"', reorderLevel: 5, reorderQuantity: 4 }, actorId);
    await post(actorId, { productId: low.id, type: 'RECEIPT', quantity: 3, unitCost: '1.25' });
    const directory = await mkdtemp(join(tmpdir(), 'stockroom-export-'));
    try {
      const [first, second] = await Promise.all([runExport({ exportDir: directory, actorId }), runExport({ exportDir: directory, actorId: null })]);
      const records = [...first!, ...second!];
      expect(first).toHaveLength(4);
      expect(second).toHaveLength(4);
      for (const run of [first!, second!]) {
        expect(run.map((record) => `${record.kind}.${record.format}`).sort()).toEqual(['low-stock.csv', 'low-stock.json', 'stock-valuation.csv', 'stock-valuation.json']);
      }
      expect(first!.every((record) => record.createdById === actorId)).toBe(true);
      expect(second!.every((record) => record.createdById === null)).toBe(true);

      const files = (await readdir(directory)).sort();
      expect(files).toHaveLength(8);
      expect(files.filter((name) => name.endsWith('.tmp') || name.startsWith('.'))).toEqual([]);
      expect(files).toEqual(records.map((record) => record.fileName).sort());
      expect(new Set(records.map((record) => record.id)).size).toBe(8);
      const stored = await db().reportExport.findMany({ where: { id: { in: records.map((record) => record.id) } }, orderBy: { id: 'asc' } });
      expect(stored).toEqual([...records].sort((a, b) => a.id - b.id));

      const valuation = await getStockValuation();
      const lowStock = await getLowStockReport();
      for (const record of records) {
        expect(record.fileName).toMatch(EXPORT_FILE_NAME);
        const path = join(directory, record.fileName);
        expect((await stat(path)).size).toBe(record.sizeBytes);
        const text = await readFile(path, 'utf8');
        expect(Buffer.byteLength(text, 'utf8')).toBe(record.sizeBytes);
        if (record.format === 'json') {
          const body = JSON.parse(text) as { data: Array<Record<string, unknown>> };
          expect(body.data).toHaveLength(record.rowCount);
          const ours = body.data.find((row) => row.productId === low.id);
          if (record.kind === 'low-stock') expect(ours).toEqual(lowStock.find((row) => row.productId === low.id));
          else expect(ours).toEqual(valuation.rows.find((row) => row.productId === low.id));
        } else {
          const lines = text.split('\r\n');
          expect(lines.at(-1)).toBe('');
          expect(lines[0]).toBe(record.kind === 'low-stock' ? 'sku,name,on_hand,reorder_level,safety_stock,reorder_quantity,suggested_order_quantity,preferred_supplier,lead_time_days,supplier_unit_cost' : 'sku,name,location,quantity,unit_cost,value');
          // Our product's name holds no newline, so each record is one line; the valuation adds a totals line.
          expect(lines.length - 2).toBe(record.rowCount + (record.kind === 'stock-valuation' ? 1 : 0));
          const line = lines.find((candidate) => candidate.startsWith(`${low.sku},`));
          expect(line).toBe(
            record.kind === 'low-stock' ? `${low.sku},"'=HYPERLINK(""x""), ""low""",3,5,0,4,4,,,` : `${low.sku},"'=HYPERLINK(""x""), ""low""",MAIN,3,1.2500,3.75`,
          );
        }
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
