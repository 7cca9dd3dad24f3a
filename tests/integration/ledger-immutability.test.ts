import { describe, expect, it } from 'vitest';
import { db, databaseEngine } from '@/lib/db/client';
import { createProduct } from '@/lib/inventory/create-product';
import { postMovements } from '@/lib/inventory/post-movements';
import { createProductSchema } from '@/lib/inventory/product-schemas';

async function productWithAMovement(tag: string) {
  const user = await db().user.create({ data: { email: `${tag}@test.local`, name: 'Keeper', passwordHash: 'unused', role: 'CLERK' } });
  const product = await createProduct({ input: createProductSchema.parse({ sku: tag, name: 'Ledger item', price: '2.00' }), actorId: user.id });
  const { answer } = await postMovements({ actorId: user.id, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 5, reason: null, reference: null }] });
  return { product, movementId: answer.data[0]!.id };
}

describe(`the ${databaseEngine()} database itself guards the ledger`, () => {
  it('refuses UPDATE and DELETE on stock movements, leaving the row as it was', async () => {
    const { movementId } = await productWithAMovement(`immutable-${Date.now()}`);
    const before = await db().stockMovement.findUniqueOrThrow({ where: { id: movementId } });
    await expect(db().$executeRawUnsafe(`UPDATE "stock_movements" SET "quantity" = 500 WHERE "id" = ${movementId}`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "stock_movements" WHERE "id" = ${movementId}`)).rejects.toThrow(/append-only/);
    await expect(db().stockMovement.update({ where: { id: movementId }, data: { reason: 'rewritten' } })).rejects.toThrow();
    await expect(db().stockMovement.deleteMany({ where: { id: movementId } })).rejects.toThrow();
    expect(await db().stockMovement.findUniqueOrThrow({ where: { id: movementId } })).toEqual(before);
  });

  it('allows at most one unresolved alert per product', async () => {
    const { product } = await productWithAMovement(`alerts-${Date.now()}`);
    const alert = { productId: product.id, onHandAtTrigger: 1, reorderLevel: 3 };
    await db().inventoryAlert.create({ data: { ...alert, status: 'RESOLVED', resolvedAt: new Date() } });
    await db().inventoryAlert.create({ data: { ...alert, status: 'ACTIVE' } });
    await expect(db().inventoryAlert.create({ data: { ...alert, status: 'ACTIVE' } })).rejects.toThrow();
    await expect(db().inventoryAlert.create({ data: { ...alert, status: 'DISMISSED' } })).rejects.toThrow();
    expect(await db().inventoryAlert.count({ where: { productId: product.id, status: { not: 'RESOLVED' } } })).toBe(1);
  });

  it('refuses a negative stock level even from a raw statement', async () => {
    const { product } = await productWithAMovement(`negative-${Date.now()}`);
    await expect(
      db().$executeRawUnsafe(`UPDATE "stock_levels" SET "on_hand" = -1 WHERE "product_id" = ${product.id}`),
    ).rejects.toThrow();
    expect((await db().stockLevel.findFirstOrThrow({ where: { productId: product.id } })).onHand).toBe(5);
  });
});
