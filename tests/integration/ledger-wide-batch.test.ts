import { describe, expect, it } from 'vitest';
import { bulkCreateProducts } from '@/lib/inventory/bulk-create-products';
import { createLocation } from '@/lib/inventory/create-location';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { MAX_BATCH_MOVEMENTS, movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { makeUser, tag } from './catalog-fixtures';

/**
 * The widest batch the API takes: 1000 movements of 1000 different products, and 1000
 * transfers (2000 stock levels). SQLite refuses an expression deeper than 1000 terms, so a
 * statement with one OR term per level failed here with a 500 (found by the import benchmark).
 */
describe('a batch as wide as the limit', () => {
  it('posts 1000 movements of 1000 different products, then 1000 transfers of them, in one transaction each', { timeout: 120_000 }, async () => {
    const actorId = await makeUser('MANAGER');
    const prefix = tag('WIDE').toUpperCase();
    const products = await bulkCreateProducts({ actorId, products: Array.from({ length: MAX_BATCH_MOVEMENTS }, (_, index) => ({ sku: `${prefix}-${index}`, name: `Wide ${index}`, price: '1.00' })) });
    expect(products).toHaveLength(MAX_BATCH_MOVEMENTS);

    const received = await postMovements({ actorId, batch: true, movements: products.map((product) => movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 5, unitCost: '1.00' })) });
    expect(received.answer.data).toHaveLength(MAX_BATCH_MOVEMENTS);

    const otherLocation = await createLocation({ actorId, input: createLocationSchema.parse({ code: tag('W').toUpperCase(), name: tag('Wide shelf') }) });
    const moved = await postMovements({
      actorId,
      batch: true,
      movements: products.map((product) => movementInputSchema.parse({ productId: product.id, type: 'TRANSFER', quantity: 2, toLocationId: otherLocation.id })),
    });
    expect(moved.answer.data).toHaveLength(2 * MAX_BATCH_MOVEMENTS);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });
});
