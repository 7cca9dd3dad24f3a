import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { formatAverageCost } from '@/lib/inventory/moving-average';
import { levelKey, planMovements, type ProductCostState, type ResolvedMovement } from '@/lib/inventory/plan-movements';

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

/** Product states agreeing with the given levels: each product's total is the sum of its levels. */
function productsFor(levels: Map<string, number>, costCents = 100): Map<number, ProductCostState> {
  return new Map(
    PRODUCTS.map((productId) => {
      const onHand = [...levels].filter(([key]) => key.startsWith(`${productId}:`)).reduce((sum, [, quantity]) => sum + quantity, 0);
      return [productId, { onHand, costCents, averageCostMicroCents: BigInt(costCents) * 1_000_000n }];
    }),
  );
}

const movement = (fields: Partial<ResolvedMovement> & Pick<ResolvedMovement, 'type' | 'quantity'>): ResolvedMovement => ({
  productId: 1,
  locationId: 10,
  toLocationId: null,
  unitCostCents: null,
  reason: null,
  reference: null,
  ...fields,
});

describe('planMovements', () => {
  it('keeps every balance non-negative, the ledger summing to the balances, or refuses the whole set', () => {
    fc.assert(
      fc.property(fc.array(movementArbitrary, { minLength: 1, maxLength: 30 }), balancesArbitrary, (movements, start) => {
        let plan;
        try {
          plan = planMovements({ movements, levels: start, products: productsFor(start), fieldPrefix: noPrefix });
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
      planMovements({ movements: [ship(2), ship(2)], levels: start, products: productsFor(start), fieldPrefix: (index) => `${index}.` });
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('INSUFFICIENT_STOCK');
      expect(isAppError(error) && error.details.available).toBe(1);
      expect(isAppError(error) && error.details.fieldErrors).toEqual({ '1.quantity': 'Only 1 on hand' });
    }
  });

  it('posts a count as the difference to the counted quantity, and a transfer as two legs', () => {
    const start = new Map([[levelKey(1, 10), 7]]);
    const plan = planMovements({
      movements: [movement({ type: 'COUNT', quantity: 5 }), movement({ type: 'TRANSFER', quantity: 2, toLocationId: 20 })],
      levels: start,
      products: productsFor(start),
      fieldPrefix: noPrefix,
    });
    expect(plan.legs.map((leg) => [leg.locationId, leg.quantity, leg.balanceAfter, leg.transferLeg])).toEqual([
      [10, -2, 5, null],
      [10, -2, 3, 'out'],
      [20, 2, 2, 'in'],
    ]);
    expect(plan.netByProduct.get(1)).toBe(-2);
  });

  it('moves the average cost on receipts only, using the product cost when a receipt gives none', () => {
    const start = new Map([[levelKey(1, 10), 10]]);
    const products = new Map([[1, { onHand: 10, costCents: 300, averageCostMicroCents: 200_000_000n }]]);
    const plan = planMovements({
      movements: [
        movement({ type: 'SHIPMENT', quantity: 4 }),
        movement({ type: 'RECEIPT', quantity: 3, unitCostCents: 350 }),
        movement({ type: 'RECEIPT', quantity: 2 }),
        movement({ type: 'TRANSFER', quantity: 5, toLocationId: 20 }),
      ],
      levels: start,
      products,
      fieldPrefix: noPrefix,
    });
    expect(plan.legs.map((leg) => [leg.unitCostCents, formatAverageCost(leg.averageCostMicroCents)])).toEqual([
      [null, '2.0000'],
      [350, '2.5000'],
      [300, '2.5909'],
      [null, '2.5909'],
      [null, '2.5909'],
    ]);
    expect(formatAverageCost(plan.averageByProduct.get(1)!)).toBe('2.5909');
    expect(products.get(1)!.averageCostMicroCents).toBe(200_000_000n);
  });

  it('refuses a movement that would take a product total past what an integer column holds', () => {
    const start = new Map([
      [levelKey(1, 10), 2_000_000_000],
      [levelKey(1, 20), 100_000_000],
    ]);
    expect.assertions(2);
    try {
      planMovements({ movements: [movement({ type: 'RECEIPT', quantity: 100_000_000 })], levels: start, products: productsFor(start), fieldPrefix: noPrefix });
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
      expect(isAppError(error) && error.details.fieldErrors).toEqual({ quantity: 'Quantity is too large for the stock held' });
    }
  });
});
