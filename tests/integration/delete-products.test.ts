import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { deleteProduct } from '@/lib/inventory/delete-product';
import { deleteProducts, deleteProductsSchema, MAX_BULK_DELETE } from '@/lib/inventory/delete-products';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { auditRows, expectAppError, makeUser, newProduct } from './catalog-fixtures';

const input = (ids: unknown[]) => deleteProductsSchema.parse({ ids });
const live = (ids: number[]) => db().product.count({ where: { id: { in: ids }, deletedAt: null } });

describe('deleting several products at once', () => {
  it('soft-deletes them all in one go, with an audit row each and their alerts resolved', async () => {
    const actorId = await makeUser();
    const stocked = await newProduct({ reorderLevel: 50 });
    const empty = await newProduct();
    // Once stocked, now at zero: its history and its alert (0 is below 50) are what the delete keeps and resolves.
    await postMovements({ actorId, movements: [{ productId: stocked.id, type: 'RECEIPT', quantity: 8, reason: null, reference: null }] });
    await postMovements({ actorId, movements: [{ productId: stocked.id, type: 'SHIPMENT', quantity: 8, reason: null, reference: null }] });
    expect(await db().inventoryAlert.count({ where: { productId: stocked.id, status: 'ACTIVE' } })).toBe(1);

    const deleted = await deleteProducts({ input: input([stocked.id, String(empty.id), stocked.id]), actorId });

    expect(deleted.map((product) => product.id).sort((a, b) => a - b)).toEqual([stocked.id, empty.id].sort((a, b) => a - b));
    expect(deleted.every((product) => product.deletedAt instanceof Date)).toBe(true);
    expect(await live([stocked.id, empty.id])).toBe(0);
    // Like a single delete: its history stays, the alert is resolved.
    expect(await db().stockMovement.count({ where: { productId: stocked.id } })).toBe(2);
    expect((await db().inventoryAlert.findMany({ where: { productId: stocked.id } })).map((alert) => alert.status)).toEqual(['RESOLVED']);
    for (const product of [stocked, empty]) {
      const audit = await auditRows('Product', product.id);
      expect(audit.map((row) => row.action)).toEqual(['CREATE', 'DELETE']);
      expect(audit[1]).toMatchObject({ actorId });
      expect(JSON.parse(audit[1]?.before ?? '{}')).toMatchObject({ id: product.id, deletedAt: null });
      expect(JSON.parse(audit[1]?.after ?? '{}')).toMatchObject({ id: product.id, deletedAt: expect.any(String) });
    }
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('deletes none when one of them is already deleted or unknown, and names it', async () => {
    const [first, second, gone] = await Promise.all([newProduct(), newProduct(), newProduct()]);
    await deleteProduct({ id: gone.id, actorId: null });

    const error = await expectAppError(deleteProducts({ input: input([first.id, gone.id, second.id]), actorId: null }), 'NOT_FOUND');
    expect(error.details.fieldErrors).toEqual({ 'ids.1': 'Product not found' });
    await expectAppError(deleteProducts({ input: input([first.id, 987_654_321]), actorId: null }), 'NOT_FOUND', { 'ids.1': 'Product not found' });

    expect(await live([first.id, second.id])).toBe(2);
    expect(await auditRows('Product', first.id)).toHaveLength(1);
    expect(await auditRows('Product', second.id)).toHaveLength(1);
  });

  it('two overlapping bulk deletes: exactly one wins, the other changes nothing', async () => {
    const [shared, onlyA, onlyB] = await Promise.all([newProduct(), newProduct(), newProduct()]);
    const results = await Promise.allSettled([
      deleteProducts({ input: input([shared.id, onlyA.id]), actorId: null }),
      deleteProducts({ input: input([onlyB.id, shared.id]), actorId: null }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const loserKept = results[0]?.status === 'fulfilled' ? onlyB : onlyA;
    expect(await live([loserKept.id])).toBe(1);
    expect(await auditRows('Product', shared.id)).toHaveLength(2);
  });

  it('the input asks for one to a page of whole-number ids', () => {
    expect(deleteProductsSchema.safeParse({ ids: [] }).success).toBe(false);
    expect(deleteProductsSchema.safeParse({ ids: ['abc'] }).success).toBe(false);
    expect(deleteProductsSchema.safeParse({ ids: Array.from({ length: MAX_BULK_DELETE + 1 }, (_, index) => index + 1) }).success).toBe(false);
    expect(deleteProductsSchema.parse({ ids: ['3', 3, 4] })).toEqual({ ids: [3, 4] });
  });
});
