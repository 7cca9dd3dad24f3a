import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { databaseEngine, type Transaction } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';
import {
  claimIdempotencyKey,
  findStoredAnswer,
  IdempotencyKeyTaken,
  purgeExpiredIdempotencyKeys,
  storeIdempotentAnswer,
  type IdempotencyRequest,
} from './idempotency';
import type { MovementInput } from './movement-schemas';
import { levelKey, planMovements, type MovementPlan, type ProductCostState, type ResolvedMovement } from './plan-movements';
import { insertLedgerRows } from './insert-ledger-rows';
import { isLowStock } from './is-low-stock';
import { presentMovement, type postedMovementsSchema } from './present';
import { reconcileAlerts } from './reconcile-alert';
import { resolveMovements } from './resolve-movements';

export type PostMovementsAnswer = z.output<typeof postedMovementsSchema>;

export interface PostMovementsOptions {
  movements: MovementInput[];
  actorId: number;
  /** true for the batch endpoint: field errors are keyed by row ("3.quantity"). */
  batch?: boolean;
  idempotency?: IdempotencyRequest;
}

/**
 * Posts stock movements to the ledger, all or none, in one short write transaction:
 * lock the stock levels involved, play the movements in order (never below zero), write the
 * net change of each level through the guarded statement, move each product's total, insert
 * the immutable ledger rows, and reconcile low-stock alerts. With an idempotency key the
 * first answer is stored in the same transaction and replayed for repeats.
 */
export async function postMovements({ movements, actorId, batch = false, idempotency }: PostMovementsOptions): Promise<{
  answer: PostMovementsAnswer;
  replayed: boolean;
}> {
  if (movements.length === 0) throw new AppError('VALIDATION_FAILED', 'Send at least one movement.', { fieldErrors: { movements: 'Send at least one movement' } });
  const fieldPrefix = batch ? (index: number) => `${index}.` : () => '';
  if (idempotency) {
    await purgeExpiredIdempotencyKeys();
    const stored = await findStoredAnswer(idempotency);
    if (stored) return { answer: stored.body as PostMovementsAnswer, replayed: true };
  }
  const resolved = await resolveMovements(movements, fieldPrefix);
  try {
    const answer = await writeTransaction(async (tx) => {
      const recordId = idempotency ? await claimIdempotencyKey(tx, idempotency, new Date()) : undefined;
      const answer = await writeMovements(tx, { resolved, actorId, fieldPrefix });
      if (recordId !== undefined) await storeIdempotentAnswer(tx, recordId, { status: 201, body: answer });
      return answer;
    });
    return { answer, replayed: false };
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTaken) || !idempotency) throw error;
    const stored = await findStoredAnswer(idempotency);
    if (!stored) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed.');
    return { answer: stored.body as PostMovementsAnswer, replayed: true };
  }
}

async function writeMovements(
  tx: Transaction,
  { resolved, actorId, fieldPrefix }: { resolved: ResolvedMovement[]; actorId: number; fieldPrefix: (index: number) => string },
): Promise<PostMovementsAnswer> {
  const products = await lockProducts(tx, resolved);
  // Timestamped under the products' locks, so a product's rows are in time order as in id order.
  const now = new Date();
  const levels = await lockStockLevels(tx, resolved, now);
  const plan = planMovements({ movements: resolved, levels, products, fieldPrefix });
  await applyNetChanges(tx, plan, now);
  const totals = await applyProductTotals(tx, plan);
  await assertLocationsLive(tx, resolved);

  const transferIds = new Map<number, string>();
  const rows = await insertLedgerRows(
    tx,
    plan.legs.map((leg) => {
      let transferId: string | null = null;
      if (leg.transferLeg) {
        transferId = transferIds.get(leg.movementIndex) ?? randomUUID();
        transferIds.set(leg.movementIndex, transferId);
      }
      return {
        productId: leg.productId,
        locationId: leg.locationId,
        type: leg.type,
        quantity: leg.quantity,
        balanceAfter: leg.balanceAfter,
        unitCostCents: leg.unitCostCents,
        averageCostMicroCents: leg.averageCostMicroCents,
        reason: leg.reason,
        reference: leg.reference,
        transferId,
        createdById: actorId,
        createdAt: now,
      };
    }),
  );

  // Alerts only change when a product's total crosses its reorder level: reconcileAlerts keeps
  // "an unresolved alert exists exactly when on-hand < reorder level" true at every commit.
  const crossed = [...totals.values()].filter(({ productId, onHand, reorderLevel }) => {
    const before = onHand - (plan.netByProduct.get(productId) ?? 0);
    return isLowStock({ onHand: before, reorderLevel }) !== isLowStock({ onHand, reorderLevel });
  });
  await reconcileAlerts(tx, { products: crossed, now });
  const lastProductId = resolved.at(-1)?.productId;
  return {
    data: rows.map(presentMovement),
    onHand: lastProductId === undefined ? 0 : (totals.get(lastProductId)?.onHand ?? 0),
  };
}

type Numeric = number | bigint;

/**
 * The first statement of the movements: locks the products involved and reads what the
 * planner needs of them. On PostgreSQL the rows are locked in ascending id order
 * (SELECT ... ORDER BY id FOR UPDATE), so two transactions touching overlapping products take
 * their locks in the same order and cannot deadlock; on SQLite a write takes the database's
 * single write lock (and must come first, see writeTransaction). Everything else a
 * transaction locks belongs to these products.
 */
async function lockProducts(tx: Transaction, resolved: ResolvedMovement[]): Promise<Map<number, ProductCostState>> {
  const ids = Prisma.join([...new Set(resolved.map((movement) => movement.productId))]);
  const rows =
    databaseEngine() === 'postgresql'
      ? await tx.$queryRaw<Array<{ id: Numeric; on_hand: Numeric; cost_cents: Numeric; average_cost_micro_cents: Numeric }>>`
          SELECT "id", "on_hand", "cost_cents", "average_cost_micro_cents" FROM "products" WHERE "id" IN (${ids}) ORDER BY "id" FOR UPDATE`
      : await tx.$queryRaw<Array<{ id: Numeric; on_hand: Numeric; cost_cents: Numeric; average_cost_micro_cents: Numeric }>>`
          UPDATE "products" SET "on_hand" = "on_hand" WHERE "id" IN (${ids})
          RETURNING "id", "on_hand", "cost_cents", "average_cost_micro_cents"`;
  return new Map(
    rows.map((row) => [
      Number(row.id),
      { onHand: Number(row.on_hand), costCents: Number(row.cost_cents), averageCostMicroCents: BigInt(row.average_cost_micro_cents) },
    ]),
  );
}

/**
 * Makes sure a stock-level row exists for every (product, location) involved, locks them,
 * and returns their balances.
 */
async function lockStockLevels(tx: Transaction, resolved: ResolvedMovement[], now: Date): Promise<Map<string, number>> {
  const pairs = new Map<string, { productId: number; locationId: number }>();
  for (const movement of resolved) {
    pairs.set(levelKey(movement.productId, movement.locationId), { productId: movement.productId, locationId: movement.locationId });
    if (movement.toLocationId !== null) {
      pairs.set(levelKey(movement.productId, movement.toLocationId), { productId: movement.productId, locationId: movement.toLocationId });
    }
  }
  const values = Prisma.join([...pairs.values()].map(({ productId, locationId }) => Prisma.sql`(${productId}, ${locationId}, 0, ${now})`));
  const rows = await tx.$queryRaw<Array<{ product_id: number | bigint; location_id: number | bigint; on_hand: number | bigint }>>`
    INSERT INTO "stock_levels" ("product_id", "location_id", "on_hand", "updated_at") VALUES ${values}
    ON CONFLICT ("product_id", "location_id") DO UPDATE SET "on_hand" = "stock_levels"."on_hand"
    RETURNING "product_id", "location_id", "on_hand"`;
  return new Map(rows.map((row) => [levelKey(Number(row.product_id), Number(row.location_id)), Number(row.on_hand)]));
}

/**
 * Writes each level's net change with the guard `on_hand + delta >= 0` in the statement
 * itself. The plan already proved every step non-negative under the locks, so a refused or
 * unexpected row here means a bug, and the whole transaction is rolled back.
 */
async function applyNetChanges(tx: Transaction, plan: MovementPlan, now: Date): Promise<void> {
  const changes = [...plan.netByLevel.values()].filter((change) => change.delta !== 0);
  if (changes.length === 0) return;
  // UPDATE ... FROM (VALUES ...): both engines name the columns of a VALUES list column1, column2, ...
  const values = Prisma.join(
    changes.map(
      ({ productId, locationId, delta }) =>
        Prisma.sql`(CAST(${productId} AS INTEGER), CAST(${locationId} AS INTEGER), CAST(${delta} AS INTEGER))`,
    ),
  );
  const rows = await tx.$queryRaw<Array<{ product_id: number | bigint; location_id: number | bigint; on_hand: number | bigint }>>`
    UPDATE "stock_levels"
       SET "on_hand" = "stock_levels"."on_hand" + "change"."column3", "updated_at" = ${now}
      FROM (VALUES ${values}) AS "change"
     WHERE "stock_levels"."product_id" = "change"."column1" AND "stock_levels"."location_id" = "change"."column2"
       AND "stock_levels"."on_hand" + "change"."column3" >= 0
    RETURNING "stock_levels"."product_id", "stock_levels"."location_id", "stock_levels"."on_hand"`;
  const written = new Map(rows.map((row) => [levelKey(Number(row.product_id), Number(row.location_id)), Number(row.on_hand)]));
  for (const change of changes) {
    if (written.get(levelKey(change.productId, change.locationId)) !== change.finalBalance) {
      throw new Error(`Ledger invariant violated: stock level ${levelKey(change.productId, change.locationId)} did not reach its planned balance.`);
    }
  }
}

/**
 * Moves each product's total on-hand by its net change in one statement, which also locks
 * the product rows (alerts are reconciled under that lock) and re-checks that no product
 * was deleted since the request was resolved.
 */
async function applyProductTotals(tx: Transaction, plan: MovementPlan): Promise<Map<number, { productId: number; onHand: number; reorderLevel: number }>> {
  const entries = [...plan.netByProduct.entries()];
  const deltas = Prisma.join(
    entries.map(([productId, delta]) => Prisma.sql`WHEN ${productId} THEN CAST(${delta} AS INTEGER)`),
    ' ',
  );
  const averages = Prisma.join(
    entries.map(([productId]) => Prisma.sql`WHEN ${productId} THEN CAST(${plan.averageByProduct.get(productId) ?? 0n} AS BIGINT)`),
    ' ',
  );
  const ids = Prisma.join(entries.map(([productId]) => productId));
  const rows = await tx.$queryRaw<Array<{ id: number | bigint; on_hand: number | bigint; reorder_level: number | bigint }>>`
    UPDATE "products"
       SET "on_hand" = "on_hand" + CASE "id" ${deltas} ELSE 0 END,
           "average_cost_micro_cents" = CASE "id" ${averages} ELSE "average_cost_micro_cents" END
     WHERE "id" IN (${ids}) AND "deleted_at" IS NULL
    RETURNING "id", "on_hand", "reorder_level"`;
  if (rows.length !== entries.length) {
    throw new AppError('NOT_FOUND', 'A product in the request was deleted meanwhile.', { fieldErrors: { productId: 'Product not found' } });
  }
  return new Map(
    rows.map((row) => [Number(row.id), { productId: Number(row.id), onHand: Number(row.on_hand), reorderLevel: Number(row.reorder_level) }]),
  );
}

/**
 * Checks, under the transaction, that every location is still live. On PostgreSQL the rows
 * are read FOR SHARE: a concurrent deleteLocation (which updates the row first, then checks
 * the location holds no stock) either waits for this transaction and then sees its stock, or
 * commits first and this check sees the deletion. Movements at one location do not block
 * each other (shared locks). SQLite's single writer already orders the two.
 */
async function assertLocationsLive(tx: Transaction, resolved: ResolvedMovement[]): Promise<void> {
  const ids = [...new Set(resolved.flatMap((movement) => (movement.toLocationId === null ? [movement.locationId] : [movement.locationId, movement.toLocationId])))];
  const lock = databaseEngine() === 'postgresql' ? Prisma.sql`FOR SHARE` : Prisma.empty;
  const live = await tx.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT "id" FROM "locations" WHERE "id" IN (${Prisma.join(ids)}) AND "deleted_at" IS NULL ${lock}`;
  if (live.length !== ids.length) {
    throw new AppError('NOT_FOUND', 'A location in the request was deleted meanwhile.', { fieldErrors: { locationId: 'Location not found' } });
  }
}
