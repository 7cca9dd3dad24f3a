import { describe, expect, it } from 'vitest';
import { getDashboardSummary } from '@/lib/inventory/get-dashboard-summary';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { getStockValuation, getStockValuationTotals } from '@/lib/inventory/reports/get-stock-valuation';
import { makeUser, newProduct } from './catalog-fixtures';

/**
 * The valuation's SQL works in whole cents plus a remainder, so the largest movement the API
 * accepts (a billion units) at an ordinary cost stays inside 64-bit integers on both engines:
 * a reviewer found that quantity x micro-cents x 2 overflowed (1e9 x 5e9 x 2 = 1e19), which
 * failed the dashboard and the Reports page on PostgreSQL and lost exactness on SQLite.
 */
describe('valuation of very large stock', () => {
  it('values a billion units at 50.00 exactly, in the totals, the bounded lines and the dashboard', async () => {
    const actorId = await makeUser('MANAGER');
    const product = await newProduct({ cost: '50.00' }, actorId);
    await postMovements({ actorId, movements: [movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 1_000_000_000, unitCost: '50.00' })] });

    const totals = await getStockValuationTotals();
    expect(totals.totalValue).toBe('50000000000.00');
    const limited = await getStockValuation({ limit: 5 });
    expect(limited.rows[0]).toMatchObject({ productId: product.id, quantity: 1_000_000_000, value: '50000000000.00' });
    expect(limited.totalValue).toBe('50000000000.00');
    expect((await getDashboardSummary()).stockValue).toBe('50000000000.00');
  });
});
