import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createProduct } from '@/lib/inventory/create-product';
import { createProductSchema } from '@/lib/inventory/product-schemas';
import { isAppError } from '@/lib/errors';
import type { MovementInput } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';

/**
 * Random interleavings of receipts, shipments, transfers, counts and adjustments, posted one
 * at a time and in batches, concurrently: whatever is accepted or refused, every stock level
 * stays >= 0, equals the sum of its ledger rows and its last balanceAfter, each product's
 * total equals its levels, and an unresolved alert exists exactly when on-hand < reorder level.
 */
describe('ledger invariants under random interleavings', () => {
  it('hold after every run, on this engine', async () => {
    const tag = `prop-${process.pid}-${Date.now()}`;
    const user = await db().user.create({ data: { email: `${tag}@test.local`, name: 'Prop', passwordHash: 'unused', role: 'CLERK' } });
    const locations = await Promise.all(
      ['A', 'B'].map((code) => db().location.create({ data: { code: `${tag}-${code}`, codeKey: `${tag}-${code}`.toLowerCase(), name: `Bin ${code}` } })),
    );
    const defaultLocation = await db().location.findFirstOrThrow({ where: { isDefault: true } });
    const locationIds = [defaultLocation.id, ...locations.map((location) => location.id)];
    const products = await Promise.all(
      [5, 12].map((reorderLevel, index) =>
        createProduct({ input: createProductSchema.parse({ sku: `${tag}-${index}`, name: 'Prop item', price: '1.00', reorderLevel }), actorId: user.id }),
      ),
    );
    const productIds = products.map((product) => product.id);

    const movement: fc.Arbitrary<MovementInput> = fc
      .record({
        productId: fc.constantFrom(...productIds),
        type: fc.constantFrom('RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'TRANSFER', 'COUNT' as const),
        quantity: fc.integer({ min: 1, max: 15 }),
        negative: fc.boolean(),
        from: fc.constantFrom(...locationIds),
        to: fc.constantFrom(...locationIds),
      })
      .filter((m) => m.type !== 'TRANSFER' || m.from !== m.to)
      .map((m) => ({
        productId: m.productId,
        type: m.type,
        quantity: m.type === 'ADJUSTMENT' && m.negative ? -m.quantity : m.type === 'COUNT' ? m.quantity - 1 : m.quantity,
        locationId: m.from,
        toLocationId: m.type === 'TRANSFER' ? m.to : undefined,
        reason: null,
        reference: null,
      }));
    const step = fc.oneof(
      movement.map((single) => [single]),
      fc.array(movement, { minLength: 2, maxLength: 6 }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const outcomes = await Promise.all(
          steps.map((movements) =>
            postMovements({ actorId: user.id, movements, batch: movements.length > 1 }).then(
              () => 'OK',
              (error: unknown) => (isAppError(error) ? error.code : `UNEXPECTED ${String(error)}`),
            ),
          ),
        );
        for (const outcome of outcomes) expect(['OK', 'INSUFFICIENT_STOCK']).toContain(outcome);
        const levels = await db().stockLevel.findMany({ where: { productId: { in: productIds } } });
        for (const level of levels) expect(level.onHand).toBeGreaterThanOrEqual(0);
        expect((await verifyLedger()).discrepancies).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
