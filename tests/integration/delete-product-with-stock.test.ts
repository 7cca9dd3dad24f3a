import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { countProductToZero, COUNT_TO_ZERO_REASON } from '@/lib/inventory/count-product-to-zero';
import { createLocation } from '@/lib/inventory/create-location';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { deleteProduct } from '@/lib/inventory/delete-product';
import { deleteProducts, deleteProductsSchema } from '@/lib/inventory/delete-products';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { auditRows, expectAppError, makeUser, newProduct, tag } from './catalog-fixtures';

/**
 * A product holding stock cannot be deleted (issue 10): its units would be stranded, since no
 * movement can touch a deleted product. The refusal names the units left and changes nothing;
 * a count to zero, posted through the ledger, is the way out.
 */

async function newLocation(): Promise<{ id: number; code: string }> {
  const code = tag('BIN').toUpperCase();
  return createLocation({ input: createLocationSchema.parse({ code, name: 'Back room' }), actorId: null });
}

async function receive(actorId: number, productId: number, quantity: number, locationId?: number) {
  await postMovements({ actorId, movements: [{ productId, type: 'RECEIPT', quantity, locationId, reason: null, reference: null }] });
}

/** Everything a delete could have touched, to compare before and after a refusal. */
async function snapshot(productIds: number[]) {
  const [products, levels, movements, alerts, audit] = await Promise.all([
    db().product.findMany({ where: { id: { in: productIds } }, orderBy: { id: 'asc' } }),
    db().stockLevel.findMany({ where: { productId: { in: productIds } }, orderBy: [{ productId: 'asc' }, { locationId: 'asc' }] }),
    db().stockMovement.count({ where: { productId: { in: productIds } } }),
    db().inventoryAlert.findMany({ where: { productId: { in: productIds } }, orderBy: { id: 'asc' } }),
    Promise.all(productIds.map((id) => auditRows('Product', id))),
  ]);
  return { products, levels, movements, alerts, audit };
}

describe('deleting a product that still holds stock', () => {
  it('is a 409 CONFLICT naming the units left at each location, and changes nothing', async () => {
    const actorId = await makeUser();
    const product = await newProduct({ reorderLevel: 100 });
    const back = await newLocation();
    await receive(actorId, product.id, 8);
    await receive(actorId, product.id, 4, back.id);
    const before = await snapshot([product.id]);
    expect(before.alerts.map((alert) => alert.status)).toEqual(['ACTIVE']);

    const error = await expectAppError(deleteProduct({ id: product.id, actorId }), 'CONFLICT');
    expect(error.message).toBe(`${product.sku} still holds 12 units (8 at MAIN, 4 at ${back.code}): ship, adjust or count them to zero first.`);

    expect(await snapshot([product.id])).toEqual(before);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('a bulk delete with one stocked product is a 409 naming it, and deletes none of them', async () => {
    const actorId = await makeUser();
    const [empty, stocked, other] = await Promise.all([newProduct(), newProduct(), newProduct()]);
    await receive(actorId, stocked.id, 1);
    const ids = [empty.id, stocked.id, other.id];
    const before = await snapshot(ids);

    const error = await expectAppError(deleteProducts({ input: deleteProductsSchema.parse({ ids }), actorId }), 'CONFLICT', { 'ids.1': 'Still holds 1 unit' });
    expect(error.message).toBe(`1 product still holds stock: ${stocked.sku} (1 unit: 1 at MAIN). Nothing was deleted: ship, adjust or count them to zero first.`);

    expect(await snapshot(ids)).toEqual(before);
  });

  it('stock shipped out entirely no longer blocks the delete (a level at zero is no stock)', async () => {
    const actorId = await makeUser();
    const product = await newProduct();
    await receive(actorId, product.id, 3);
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'SHIPMENT', quantity: 3, reason: null, reference: null }] });
    expect((await deleteProduct({ id: product.id, actorId })).deletedAt).toBeInstanceOf(Date);
  });

  it('count to zero posts one COUNT row per location holding stock through the ledger; then the delete goes through', async () => {
    const actorId = await makeUser();
    const product = await newProduct({ reorderLevel: 5 });
    const back = await newLocation();
    await receive(actorId, product.id, 6);
    await receive(actorId, product.id, 9, back.id);

    const answer = await countProductToZero({ productId: product.id, actorId });
    expect(answer.onHand).toBe(0);
    expect(answer.data.map((row) => [row.type, row.locationId, row.quantity, row.balanceAfter, row.reason])).toEqual(
      [
        ['COUNT', (await db().location.findFirstOrThrow({ where: { code: 'MAIN' } })).id, -6, 0, COUNT_TO_ZERO_REASON],
        ['COUNT', back.id, -9, 0, COUNT_TO_ZERO_REASON],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect((await countProductToZero({ productId: product.id, actorId })).data).toEqual([]);
    expect((await verifyLedger()).discrepancies).toEqual([]);

    await deleteProduct({ id: product.id, actorId });
    await expectAppError(countProductToZero({ productId: product.id, actorId }), 'NOT_FOUND');
  });

  it('a receipt racing a delete: either the delete is refused or the receipt is; stock is never stranded on a deleted product', async () => {
    const actorId = await makeUser();
    for (let round = 0; round < 6; round += 1) {
      const product = await newProduct();
      const receipt = () => receive(actorId, product.id, 2);
      const removal = () => deleteProduct({ id: product.id, actorId });
      // Either one is sent first: the receipt resolves the product before its transaction, the delete does not.
      const [receiptResult, deleteResult] = round % 2 === 0 ? await Promise.allSettled([receipt(), removal()]) : (await Promise.allSettled([removal(), receipt()])).reverse();
      const row = await db().product.findUniqueOrThrow({ where: { id: product.id } });
      if (deleteResult?.status === 'fulfilled') {
        expect(row.deletedAt).toBeInstanceOf(Date);
        expect([row.onHand, receiptResult?.status]).toEqual([0, 'rejected']);
      } else {
        expect([row.deletedAt, row.onHand, receiptResult?.status]).toEqual([null, 2, 'fulfilled']);
      }
    }
  });
});
