import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { createLocation } from '@/lib/inventory/create-location';
import { archiveLedger } from '@/lib/inventory/ledger/archive-ledger';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { addDays } from '@/lib/time/shop-day';
import { makeUser, newProduct, tag } from './catalog-fixtures';

/**
 * For random histories and a random cut, archiving changes nothing anyone can read: every
 * valuation as of every day, every on-hand and ledger:verify (archive included) are the same
 * before and after, and a movement posted afterwards carries on from the right balance.
 * A few runs by default; LEDGER_ARCHIVE_RUNS=200 for a longer search.
 */

const RUNS = Number(process.env.LEDGER_ARCHIVE_RUNS ?? 2);
const DAYS = 4;

afterEach(() => {
  vi.useRealTimers();
});

interface Step {
  day: number;
  product: number;
  type: 'RECEIPT' | 'SHIPMENT' | 'TRANSFER' | 'ADJUSTMENT';
  quantity: number;
  cents: number;
  toSecond: boolean;
}

describe('archiving, for random histories and cuts', () => {
  it('leaves every valuation, on-hand and verification as they were', async () => {
    const actorId = await makeUser('ADMIN');
    const second = await createLocation({ input: createLocationSchema.parse({ code: tag('PRP'), name: 'Second' }), actorId: null });
    const main = (await db().location.findFirstOrThrow({ where: { isDefault: true } })).id;
    let era = 0;

    const step: fc.Arbitrary<Step> = fc.record({
      day: fc.integer({ min: 0, max: DAYS - 1 }),
      product: fc.integer({ min: 0, max: 1 }),
      type: fc.constantFrom('RECEIPT', 'SHIPMENT', 'TRANSFER', 'ADJUSTMENT' as const),
      quantity: fc.integer({ min: 1, max: 9 }),
      cents: fc.integer({ min: 1, max: 5_000 }),
      toSecond: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), fc.integer({ min: 0, max: DAYS + 1 }), async (steps, cutIndex) => {
        // Each run lives in its own stretch of days after the previous one's, with its own products.
        const first = addDays('2024-01-01', era * (DAYS + 3));
        era += 1;
        const days = Array.from({ length: DAYS + 2 }, (_, index) => addDays(first, index));
        const products = [await newProduct({ cost: '1.00', reorderLevel: 4 }, actorId), await newProduct({ cost: '2.50', reorderLevel: 0 }, actorId)];
        for (const [index, move] of [...steps].sort((a, b) => a.day - b.day).entries()) {
          vi.useFakeTimers({ toFake: ['Date'] });
          vi.setSystemTime(new Date(`${days[move.day]}T08:00:00Z`).getTime() + index * 60_000);
          const productId = products[move.product]!.id;
          const raw =
            move.type === 'RECEIPT'
              ? { productId, type: 'RECEIPT', quantity: move.quantity, unitCost: (move.cents / 100).toFixed(2), locationId: move.toSecond ? second.id : main }
              : move.type === 'TRANSFER'
                ? { productId, type: 'TRANSFER', quantity: move.quantity, locationId: move.toSecond ? main : second.id, toLocationId: move.toSecond ? second.id : main }
                : move.type === 'ADJUSTMENT'
                  ? { productId, type: 'ADJUSTMENT', quantity: -move.quantity, reason: 'Breakage', locationId: main }
                  : { productId, type: 'SHIPMENT', quantity: move.quantity, locationId: move.toSecond ? second.id : main };
          await postMovements({ actorId, movements: [movementInputSchema.parse(raw)] }).catch((error: unknown) => {
            if (!isAppError(error) || error.code !== 'INSUFFICIENT_STOCK') throw error;
          });
        }
        vi.setSystemTime(new Date(`${days.at(-1)}T12:00:00Z`));
        const now = new Date();
        const state = async () => ({
          valuations: await Promise.all(days.map((asOf) => getStockValuation({ asOf, now }))),
          today: await getStockValuation({ now }),
          levels: await db().stockLevel.findMany({ orderBy: [{ productId: 'asc' }, { locationId: 'asc' }], select: { productId: true, locationId: true, onHand: true } }),
          verified: (await verifyLedger({ includeArchive: true })).discrepancies,
        });
        const before = await state();
        expect(before.verified).toEqual([]);
        await archiveLedger({ before: days[cutIndex]!, actorId, batchSize: 4, now });
        expect(await state()).toEqual(before);

        // Posting carries on from the checkpointed balance.
        const level = await db().stockLevel.findFirst({ where: { productId: products[0]!.id, locationId: main } });
        await postMovements({ actorId, movements: [movementInputSchema.parse({ productId: products[0]!.id, type: 'RECEIPT', quantity: 2, unitCost: '3.00' })] });
        const posted = await db().stockMovement.findFirstOrThrow({ where: { productId: products[0]!.id }, orderBy: { id: 'desc' } });
        expect(posted.balanceAfter).toBe((level?.onHand ?? 0) + 2);
        expect((await verifyLedger({ includeArchive: true })).discrepancies).toEqual([]);
        vi.useRealTimers();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
