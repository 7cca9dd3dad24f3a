import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { levelKey, planMovements, type ResolvedMovement } from '@/lib/inventory/plan-movements';

const PRODUCTS = [1, 2, 3];
const LOCATIONS = [10, 20, 30];

const movementArbitrary: fc.Arbitrary<ResolvedMovement> = fc
  .record({
    productId: fc.constantFrom(...PRODUCTS),
    type: fc.constantFrom('RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'TRANSFER', 'COUNT' as const),
    quantity: fc.integer({ min: 1, max: 40 }),
    sign: fc.boolean(),
    locationId: fc.constantFrom(...LOCATIONS),
    toLocationId: fc.constantFrom(...LOCATIONS),
  })
  .filter((m) => m.type !== 'TRANSFER' || m.locationId !== m.toLocationId)
  .map(({ sign, ...m }) => ({
    productId: m.productId,
    type: m.type,
    quantity: m.type === 'ADJUSTMENT' && sign ? -m.quantity : m.type === 'COUNT' ? m.quantity - 1 : m.quantity,
    locationId: m.locationId,
    toLocationId: m.type === 'TRANSFER' ? m.toLocationId : null,
    unitCostCents: m.type === 'RECEIPT' ? 100 : null,
    reason: null,
    reference: null,
  }));

const balancesArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...PRODUCTS), fc.constantFrom(...LOCATIONS), fc.integer({ min: 0, max: 50 })), { maxLength: 9 })
  .map((entries) => new Map(entries.map(([p, l, n]) => [levelKey(p, l), n])));

const noPrefix = () => '';

describe('planMovements', () => {
  it('keeps every balance non-negative, the ledger summing to the balances, or refuses the whole set', () => {
    fc.assert(
      fc.property(fc.array(movementArbitrary, { minLength: 1, maxLength: 30 }), balancesArbitrary, (movements, start) => {
        let plan;
        try {
          plan = planMovements(movements, start, noPrefix);
        } catch (error) {
          expect(isAppError(error) && error.code === 'INSUFFICIENT_STOCK').toBe(true);
          return;
        }
        const running = new Map(start);
        for (const leg of plan.legs) {
          const key = levelKey(leg.productId, leg.locationId);
          const next = (running.get(key) ?? 0) + leg.quantity;
          expect(leg.balanceAfter).toBe(next);
          expect(leg.balanceAfter).toBeGreaterThanOrEqual(0);
          running.set(key, next);
        }
        for (const [key, change] of plan.netByLevel) {
          expect(change.finalBalance).toBe(running.get(key));
          expect(change.delta).toBe((running.get(key) ?? 0) - (start.get(key) ?? 0));
        }
        for (const productId of PRODUCTS) {
          const legsDelta = plan.legs.filter((leg) => leg.productId === productId).reduce((sum, leg) => sum + leg.quantity, 0);
          expect(plan.netByProduct.get(productId) ?? 0).toBe(legsDelta);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a shipment larger than the stock, naming the row and what is available', () => {
    const start = new Map([[levelKey(1, 10), 3]]);
    const ship = (quantity: number): ResolvedMovement => ({
      productId: 1, type: 'SHIPMENT', quantity, locationId: 10, toLocationId: null, unitCostCents: null, reason: null, reference: null,
    });
    expect.assertions(3);
    try {
      planMovements([ship(2), ship(2)], start, (index) => `${index}.`);
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('INSUFFICIENT_STOCK');
      expect(isAppError(error) && error.details.available).toBe(1);
      expect(isAppError(error) && error.details.fieldErrors).toEqual({ '1.quantity': 'Only 1 on hand' });
    }
  });

  it('posts a count as the difference to the counted quantity, and a transfer as two legs', () => {
    const start = new Map([[levelKey(1, 10), 7]]);
    const plan = planMovements(
      [
        { productId: 1, type: 'COUNT', quantity: 5, locationId: 10, toLocationId: null, unitCostCents: null, reason: null, reference: null },
        { productId: 1, type: 'TRANSFER', quantity: 2, locationId: 10, toLocationId: 20, unitCostCents: null, reason: null, reference: null },
      ],
      start,
      noPrefix,
    );
    expect(plan.legs.map((leg) => [leg.locationId, leg.quantity, leg.balanceAfter, leg.transferLeg])).toEqual([
      [10, -2, 5, null],
      [10, -2, 3, 'out'],
      [20, 2, 2, 'in'],
    ]);
    expect(plan.netByProduct.get(1)).toBe(-2);
  });
});
