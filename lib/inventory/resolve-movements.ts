import { databaseEngine, type Transaction } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { AppError, type FieldErrors } from '@/lib/errors';
import type { MovementInput } from './movement-schemas';
import type { ProductCostState, ResolvedMovement } from './plan-movements';

/** A live product as locked by the posting transaction: what the planner and alerts need. */
export interface LockedProduct extends ProductCostState {
  id: number;
  skuKey: string;
  reorderLevel: number;
}

/** The live products and locations a group of movements names, read under the group's locks. */
export interface MovementSubjects {
  products: Map<number, LockedProduct>;
  productIdBySku: Map<string, number>;
  liveLocationIds: Set<number>;
  defaultLocationId: number | undefined;
}

type Numeric = number | bigint;

interface ProductRow {
  id: Numeric;
  sku_key: string;
  on_hand: Numeric;
  cost_cents: Numeric;
  average_cost_micro_cents: Numeric;
  reorder_level: Numeric;
}

/**
 * Locks every live product the movements name (by id or SKU) and reads the locations they
 * name, inside the posting transaction: these are its first statements after the idempotency
 * claims, so no read happens before the transaction and nothing can be deleted between the
 * lookup and the write.
 *
 * Products: on PostgreSQL `SELECT ... ORDER BY id FOR UPDATE`, so concurrent groups take
 * their row locks in one global order (ascending product id) and cannot deadlock on them; on
 * SQLite a no-op UPDATE, a write, which takes the database's single write lock (see
 * writeTransaction). A concurrent deleteProduct updates the product row first, so either it
 * waits for this transaction or this lookup no longer finds the product.
 *
 * Locations: read FOR SHARE on PostgreSQL (after the products, in id order): a concurrent
 * deleteLocation, which updates its row and then checks that the location holds no stock,
 * either waits for this transaction and sees its stock, or commits first and the location is
 * not found here. Movements at one location do not block each other (shared locks).
 */
export async function lockMovementSubjects(tx: Transaction, movements: MovementInput[]): Promise<MovementSubjects> {
  const productIds = [...new Set(movements.flatMap((movement) => (movement.productId === undefined ? [] : [movement.productId])))];
  const skuKeys = [...new Set(movements.flatMap((movement) => (movement.sku === undefined ? [] : [movement.sku.toLowerCase()])))];
  const locationIds = [...new Set(movements.flatMap((movement) => [movement.locationId, movement.toLocationId]).filter((id) => id !== undefined))];
  const needsDefault = movements.some((movement) => movement.locationId === undefined);
  const postgres = databaseEngine() === 'postgresql';

  const productMatch = Prisma.join(
    [
      ...(productIds.length > 0 ? [Prisma.sql`"id" IN (${Prisma.join(productIds)})`] : []),
      ...(skuKeys.length > 0 ? [Prisma.sql`"sku_key" IN (${Prisma.join(skuKeys)})`] : []),
    ],
    ' OR ',
  );
  const rows = postgres
    ? await tx.$queryRaw<ProductRow[]>`
        SELECT "id", "sku_key", "on_hand", "cost_cents", "average_cost_micro_cents", "reorder_level" FROM "products"
         WHERE (${productMatch}) AND "deleted_at" IS NULL ORDER BY "id" FOR UPDATE`
    : await tx.$queryRaw<ProductRow[]>`
        UPDATE "products" SET "on_hand" = "on_hand" WHERE (${productMatch}) AND "deleted_at" IS NULL
        RETURNING "id", "sku_key", "on_hand", "cost_cents", "average_cost_micro_cents", "reorder_level"`;
  const products = new Map(
    rows.map((row): [number, LockedProduct] => [
      Number(row.id),
      {
        id: Number(row.id),
        skuKey: row.sku_key,
        onHand: Number(row.on_hand),
        costCents: Number(row.cost_cents),
        averageCostMicroCents: BigInt(row.average_cost_micro_cents),
        reorderLevel: Number(row.reorder_level),
      },
    ]),
  );

  const locationMatch = Prisma.join(
    [...(locationIds.length > 0 ? [Prisma.sql`"id" IN (${Prisma.join(locationIds)})`] : []), ...(needsDefault ? [Prisma.sql`"is_default"`] : [])],
    ' OR ',
  );
  const locations =
    locationIds.length > 0 || needsDefault
      ? await tx.$queryRaw<Array<{ id: Numeric; is_default: boolean | number }>>`
          SELECT "id", "is_default" FROM "locations" WHERE (${locationMatch}) AND "deleted_at" IS NULL ORDER BY "id" ${postgres ? Prisma.sql`FOR SHARE` : Prisma.empty}`
      : [];
  const requested = new Set(locationIds);
  const defaultLocation = locations.find((location) => Boolean(location.is_default));
  return {
    products,
    productIdBySku: new Map([...products.values()].map((product) => [product.skuKey, product.id])),
    liveLocationIds: new Set(locations.map((location) => Number(location.id)).filter((id) => requested.has(id))),
    defaultLocationId: defaultLocation === undefined ? undefined : Number(defaultLocation.id),
  };
}

/**
 * Turns one request's SKUs into product ids and fills in the default location, refusing
 * unknown or deleted products and locations (404, with every offending field named).
 */
export function resolveMovements(movements: MovementInput[], subjects: MovementSubjects, fieldPrefix: (index: number) => string): ResolvedMovement[] {
  const fieldErrors: FieldErrors = {};
  const resolved = movements.map((movement, index): ResolvedMovement => {
    const prefix = fieldPrefix(index);
    let productId = movement.productId;
    if (productId !== undefined && !subjects.products.has(productId)) fieldErrors[`${prefix}productId`] = 'Product not found';
    if (movement.sku !== undefined) {
      productId = subjects.productIdBySku.get(movement.sku.toLowerCase());
      if (productId === undefined) fieldErrors[`${prefix}sku`] = 'No product with this SKU';
    }
    const locationId = movement.locationId ?? subjects.defaultLocationId;
    if (locationId === undefined) fieldErrors[`${prefix}locationId`] = 'There is no default location: name one';
    else if (movement.locationId !== undefined && !subjects.liveLocationIds.has(locationId)) fieldErrors[`${prefix}locationId`] = 'Location not found';
    if (movement.toLocationId !== undefined && !subjects.liveLocationIds.has(movement.toLocationId)) {
      fieldErrors[`${prefix}toLocationId`] = 'Location not found';
    }
    return {
      productId: productId ?? 0,
      type: movement.type,
      quantity: movement.quantity,
      locationId: locationId ?? 0,
      toLocationId: movement.toLocationId ?? null,
      unitCostCents: movement.unitCost ?? null,
      reason: movement.reason,
      reference: movement.reference,
    };
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError('NOT_FOUND', 'A product or location in the request does not exist.', { fieldErrors });
  }
  return resolved;
}
