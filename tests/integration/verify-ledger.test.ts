import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { makeUser, newProduct } from './catalog-fixtures';

/**
 * `npm run ledger:verify` must notice each kind of drift between the ledger and the values
 * cached from it; the caches are writable (only the ledger is append-only), so each test
 * corrupts one and expects exactly that discrepancy.
 */
async function stockedProduct() {
  const actorId = await makeUser('MANAGER');
  const product = await newProduct({ reorderLevel: 5, cost: '2.00' }, actorId);
  const movements = [
    movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 10, unitCost: '2.00' }),
    movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 10, unitCost: '4.00' }),
  ];
  await postMovements({ actorId, movements });
  return product.id;
}

describe('verifyLedger', () => {
  it('finds nothing on a ledger written by the application', async () => {
    await stockedProduct();
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('reports a stock level, product total, average cost or alert that drifted from the ledger', async () => {
    const productId = await stockedProduct();
    await db().$executeRaw`UPDATE "stock_levels" SET "on_hand" = "on_hand" + 1 WHERE "product_id" = ${productId}`;
    await db().$executeRaw`UPDATE "products" SET "average_cost_micro_cents" = 1 WHERE "id" = ${productId}`;
    const kinds = (await verifyLedger()).discrepancies.filter((entry) => entry.productId === productId).map((entry) => entry.kind);
    expect(kinds.sort()).toEqual(['average-cost', 'last-balance', 'product-total', 'stock-level']);

    await db().$executeRaw`UPDATE "products" SET "reorder_level" = 100 WHERE "id" = ${productId}`;
    const after = (await verifyLedger()).discrepancies.filter((entry) => entry.productId === productId).map((entry) => entry.kind);
    expect(after).toContain('alert');
  });
});
