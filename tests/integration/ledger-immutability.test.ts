import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { engineName, refusal, unique } from './helpers';

/**
 * What the database itself guarantees, whatever code runs: rows are written straight through
 * Prisma and raw SQL, bypassing lib/inventory, so only the migrations' triggers, indexes and
 * CHECKs stand in the way.
 */

async function productWithAMovement() {
  const sku = unique('ledger');
  const location = await db().location.findFirstOrThrow({ where: { isDefault: true } });
  const product = await db().product.create({ data: { sku, skuKey: sku.toLowerCase(), name: 'Ledger item', priceCents: 200, onHand: 5 } });
  await db().stockLevel.create({ data: { productId: product.id, locationId: location.id, onHand: 5 } });
  const movement = await db().stockMovement.create({
    data: { productId: product.id, locationId: location.id, type: 'RECEIPT', quantity: 5, balanceAfter: 5, reason: 'opening stock' },
  });
  return { product, location, movement };
}

describe(`the ${engineName()} database itself guards the ledger`, () => {
  it('refuses UPDATE and DELETE on stock movements, leaving the row as it was', async () => {
    const { product, movement } = await productWithAMovement();
    const before = await db().stockMovement.findUniqueOrThrow({ where: { id: movement.id } });

    expect((await refusal(db(), `UPDATE "stock_movements" SET "quantity" = 500 WHERE "id" = ${movement.id}`)).message).toMatch(/append-only: UPDATE is not allowed/);
    expect((await refusal(db(), `DELETE FROM "stock_movements" WHERE "id" = ${movement.id}`)).message).toMatch(/append-only: DELETE is not allowed/);
    expect((await refusal(db(), `DELETE FROM "stock_movements"`)).message).toMatch(/append-only/);
    // Through Prisma's own API as well: the same triggers answer.
    await expect(db().stockMovement.update({ where: { id: movement.id }, data: { reason: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(db().stockMovement.deleteMany({ where: { productId: product.id } })).rejects.toThrow(/append-only/);

    expect(await db().stockMovement.findUniqueOrThrow({ where: { id: movement.id } })).toEqual(before);
    expect(await db().stockMovement.count({ where: { productId: product.id } })).toBe(1);
  });

  if (engineName() === 'postgresql') {
    it('refuses TRUNCATE of stock movements (PostgreSQL statement trigger)', async () => {
      const { movement } = await productWithAMovement();
      expect((await refusal(db(), 'TRUNCATE "stock_movements"')).message).toMatch(/append-only: TRUNCATE is not allowed/);
      expect(await db().stockMovement.findUnique({ where: { id: movement.id } })).not.toBeNull();
    });
  }

  it('still accepts new movements: the table is append-only, not read-only', async () => {
    const { product, location } = await productWithAMovement();
    await db().stockMovement.create({ data: { productId: product.id, locationId: location.id, type: 'SHIPMENT', quantity: -2, balanceAfter: 3 } });
    expect(await db().stockMovement.count({ where: { productId: product.id } })).toBe(2);
  });

  it('allows at most one unresolved alert per product: a second ACTIVE (or DISMISSED) one is refused', async () => {
    const { product } = await productWithAMovement();
    const alert = { productId: product.id, onHandAtTrigger: 1, reorderLevel: 3 };
    // Resolved alerts do not count: any number of them may sit beside one unresolved alert.
    await db().inventoryAlert.create({ data: { ...alert, status: 'RESOLVED', resolvedAt: new Date() } });
    await db().inventoryAlert.create({ data: { ...alert, status: 'RESOLVED', resolvedAt: new Date() } });
    const active = await db().inventoryAlert.create({ data: { ...alert, status: 'ACTIVE' } });

    const second = await db().inventoryAlert.create({ data: { ...alert, status: 'ACTIVE' } }).then(() => null, (error: unknown) => error);
    expect(isUniqueViolation(second), `expected a unique violation, got ${String(second)}`).toBe(true);
    const dismissed = await db().inventoryAlert.create({ data: { ...alert, status: 'DISMISSED' } }).then(() => null, (error: unknown) => error);
    expect(isUniqueViolation(dismissed), `expected a unique violation, got ${String(dismissed)}`).toBe(true);
    // Raw SQL meets the same index.
    await expect(
      db().$executeRaw`INSERT INTO "inventory_alerts" ("product_id", "status", "on_hand_at_trigger", "reorder_level") VALUES (${product.id}, 'ACTIVE', 1, 3)`,
    ).rejects.toThrow(/unique constraint/i);
    // Turning a resolved alert back into an unresolved one is refused too.
    const resolved = await db().inventoryAlert.findFirstOrThrow({ where: { productId: product.id, status: 'RESOLVED' } });
    await expect(db().inventoryAlert.update({ where: { id: resolved.id }, data: { status: 'ACTIVE', resolvedAt: null } })).rejects.toThrow(/unique constraint/i);

    expect(await db().inventoryAlert.count({ where: { productId: product.id, status: { not: 'RESOLVED' } } })).toBe(1);

    // Once the unresolved alert is resolved, a new one may open.
    await db().inventoryAlert.update({ where: { id: active.id }, data: { status: 'RESOLVED', resolvedAt: new Date() } });
    await db().inventoryAlert.create({ data: { ...alert, status: 'ACTIVE' } });
    expect(await db().inventoryAlert.count({ where: { productId: product.id } })).toBe(4);
  });

  it('does not let one product’s unresolved alert block another product', async () => {
    const first = await productWithAMovement();
    const second = await productWithAMovement();
    for (const { product } of [first, second]) await db().inventoryAlert.create({ data: { productId: product.id, onHandAtTrigger: 0, reorderLevel: 1, status: 'ACTIVE' } });
    expect(await db().inventoryAlert.count({ where: { productId: { in: [first.product.id, second.product.id] }, status: 'ACTIVE' } })).toBe(2);
  });

  it('refuses a negative on-hand (CHECK), from raw SQL and from Prisma, on stock levels and products', async () => {
    const { product, location } = await productWithAMovement();
    expect((await refusal(db(), `UPDATE "stock_levels" SET "on_hand" = -1 WHERE "product_id" = ${product.id}`)).message).toMatch(/stock_levels_on_hand_not_negative|CHECK constraint/i);
    expect((await refusal(db(), `UPDATE "products" SET "on_hand" = "on_hand" - 6 WHERE "id" = ${product.id}`)).message).toMatch(/products_on_hand_not_negative|CHECK constraint/i);
    await expect(
      db().stockLevel.update({ where: { productId_locationId: { productId: product.id, locationId: location.id } }, data: { onHand: { decrement: 6 } } }),
    ).rejects.toThrow();
    const code = unique('LOC');
    const other = await db().location.create({ data: { code, codeKey: code.toLowerCase(), name: 'Overflow' } });
    await expect(db().stockLevel.create({ data: { productId: product.id, locationId: other.id, onHand: -3 } })).rejects.toThrow();

    expect((await db().stockLevel.findUniqueOrThrow({ where: { productId_locationId: { productId: product.id, locationId: location.id } } })).onHand).toBe(5);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).onHand).toBe(5);
    expect(await db().stockLevel.count({ where: { productId: product.id, locationId: other.id } })).toBe(0);
    // Zero is allowed: the guard is >= 0.
    await db().$executeRawUnsafe(`UPDATE "stock_levels" SET "on_hand" = 0 WHERE "product_id" = ${product.id}`);
    expect((await db().stockLevel.findFirstOrThrow({ where: { productId: product.id } })).onHand).toBe(0);
  });
});
