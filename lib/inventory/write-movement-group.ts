import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { Transaction } from '@/lib/db/client';
import { jsonRows } from '@/lib/db/json-rows';
import { isAppError } from '@/lib/errors';
import { hasEventListeners, recordEvents } from '@/lib/notify/record-events';
import { claimIdempotencyKeys, idempotencySlot, releaseIdempotencyKeys, storeIdempotentAnswers, type IdempotencyRequest } from './idempotency';
import { insertLedgerRows } from './insert-ledger-rows';
import { isLowStock } from './is-low-stock';
import type { MovementInput } from './movement-schemas';
import { levelKey, planMovements, type PlannedLeg } from './plan-movements';
import { presentMovement, type postedMovementsSchema } from './present';
import { reconcileAlerts } from './reconcile-alert';
import { lockMovementSubjects, resolveMovements, type LockedProduct } from './resolve-movements';

export type PostMovementsAnswer = z.output<typeof postedMovementsSchema>;

/** One caller's request: one movement, or a batch (all or none), with its own idempotency key. */
export interface PostingRequest {
  movements: MovementInput[];
  actorId: number;
  /** true for the batch endpoint: field errors are keyed by row ("3.quantity"). */
  batch: boolean;
  idempotency?: IdempotencyRequest;
}

/** What became of one request of a group, once the group's transaction commits. */
export type PostingOutcome =
  | { kind: 'posted'; answer: PostMovementsAnswer }
  /** An expected refusal (AppError): the request wrote nothing. */
  | { kind: 'refused'; error: unknown }
  /** Its key was already claimed by an earlier transaction: answer with that request's result. */
  | { kind: 'key-taken' }
  /** Its key is the key of the earlier request `leader` of the same group. */
  | { kind: 'same-key'; leader: number };

type PlanningFault = (request: PostingRequest) => void;
let planningFault: PlanningFault | undefined;

/**
 * Test seam: a function called before each request of a group is planned, so that a test can
 * make one request's planning throw an unexpected error. Honoured only when NODE_ENV is 'test'.
 */
export function setPlanningFaultForTests(fault: PlanningFault | undefined): void {
  if (process.env.NODE_ENV !== 'test') throw new Error('setPlanningFaultForTests is for tests only.');
  planningFault = fault;
}

interface Running {
  levels: Map<string, number>;
  products: Map<number, LockedProduct>;
}

interface PlannedRequest {
  index: number;
  legs: PlannedLeg[];
  /** Total on-hand of the product of the request's last movement, right after the request. */
  onHand: number;
}

/**
 * The body of one group's write transaction. Claims the requests' idempotency keys, locks the
 * products and locations they name (resolving SKUs and the default location there), reads the
 * stock levels involved, then plays each request in arrival order against the running
 * balances: a request that would oversell, names something missing or breaks a rule is
 * refused on its own and leaves no trace (its key is given back), the next one sees the
 * balances as if it had never come. The survivors are written together: one guarded upsert
 * of the levels' net changes, one update of the products' totals, one insert of the ledger
 * rows, alerts reconciled once per product whose total crossed its reorder level (the alert
 * invariant holds at the commit, the only moment anyone else can see), the outbox's
 * `stock_movement.created` events recorded (one insert per group, none while no webhook
 * subscribes), and the keys' answers stored. A non-AppError (a bug) escapes and rolls the
 * whole group back.
 */
export async function writeMovementGroup(tx: Transaction, requests: PostingRequest[]): Promise<PostingOutcome[]> {
  const outcomes: Array<PostingOutcome | undefined> = requests.map(() => undefined);
  const recordIds = await claimKeys(tx, requests, outcomes);
  const active = requests.flatMap((request, index) => (outcomes[index] === undefined ? [{ request, index }] : []));
  if (active.length === 0) return outcomes as PostingOutcome[];

  const subjects = await lockMovementSubjects(
    tx,
    active.flatMap(({ request }) => request.movements),
  );
  // Timestamped under the products' locks, so a product's rows are in time order as in id order.
  const now = new Date();
  const resolvedByIndex = new Map<number, ReturnType<typeof resolveMovements>>();
  for (const { request, index } of active) {
    try {
      resolvedByIndex.set(index, resolveMovements(request.movements, subjects, fieldPrefixOf(request)));
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes[index] = { kind: 'refused', error };
    }
  }
  const levels = await readStockLevels(tx, [...resolvedByIndex.values()].flat());
  const existingLevels = new Set(levels.keys());
  const running: Running = {
    levels,
    products: new Map([...subjects.products].map(([id, product]) => [id, { ...product }])),
  };

  const planned: PlannedRequest[] = [];
  for (const [index, resolved] of resolvedByIndex) {
    const request = requests[index]!;
    try {
      planningFault?.(request);
      const plan = planMovements({ movements: resolved, levels: running.levels, products: running.products, fieldPrefix: fieldPrefixOf(request) });
      for (const [key, change] of plan.netByLevel) running.levels.set(key, change.finalBalance);
      for (const [productId, delta] of plan.netByProduct) {
        const product = running.products.get(productId)!;
        product.onHand += delta;
        product.averageCostMicroCents = plan.averageByProduct.get(productId) ?? product.averageCostMicroCents;
      }
      const lastProductId = resolved.at(-1)!.productId;
      planned.push({ index, legs: plan.legs, onHand: running.products.get(lastProductId)?.onHand ?? 0 });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes[index] = { kind: 'refused', error };
    }
  }

  await releaseIdempotencyKeys(
    tx,
    requests.flatMap((_request, index) => {
      const recordId = recordIds.get(index);
      return outcomes[index]?.kind === 'refused' && recordId !== undefined ? [recordId] : [];
    }),
  );
  if (planned.length === 0) return outcomes as PostingOutcome[];

  await writeLevels(tx, planned, running, existingLevels, now);
  await writeProductTotals(tx, running, subjects.products);
  const rows = await insertLedgerRows(
    tx,
    planned.flatMap(({ index, legs }) => {
      const transferIds = new Map<number, string>();
      return legs.map((leg) => {
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
          createdById: requests[index]!.actorId,
          createdAt: now,
        };
      });
    }),
  );

  const crossed = [...running.products.values()].filter((product) => {
    const before = subjects.products.get(product.id)!;
    return isLowStock(before) !== isLowStock(product);
  });
  await reconcileAlerts(tx, { products: crossed.map(({ id, onHand, reorderLevel }) => ({ productId: id, onHand, reorderLevel })), now });
  if (await hasEventListeners(tx, ['stock_movement.created'])) {
    await recordEvents(tx, rows.map((row) => ({ type: 'stock_movement.created' as const, data: presentMovement(row) })), { now });
  }

  let offset = 0;
  const stored: Array<{ recordId: number; answer: { status: number; body: unknown } }> = [];
  for (const { index, legs, onHand } of planned) {
    const answer: PostMovementsAnswer = { data: rows.slice(offset, offset + legs.length).map(presentMovement), onHand };
    offset += legs.length;
    outcomes[index] = { kind: 'posted', answer };
    const recordId = recordIds.get(index);
    if (recordId !== undefined) stored.push({ recordId, answer: { status: 201, body: answer } });
  }
  await storeIdempotentAnswers(tx, stored);
  return outcomes as PostingOutcome[];
}

function fieldPrefixOf(request: PostingRequest): (index: number) => string {
  return request.batch ? (index: number) => `${index}.` : () => '';
}

/**
 * Claims the keys of the group's requests; marks the requests whose key an earlier
 * transaction holds, and those whose key an earlier request of this group carries. Returns
 * the record id claimed for each request index.
 */
async function claimKeys(tx: Transaction, requests: PostingRequest[], outcomes: Array<PostingOutcome | undefined>): Promise<Map<number, number>> {
  const leaders = new Map<string, number>();
  requests.forEach((request, index) => {
    if (!request.idempotency) return;
    const slot = idempotencySlot(request.idempotency);
    const leader = leaders.get(slot);
    if (leader === undefined) leaders.set(slot, index);
    else outcomes[index] = { kind: 'same-key', leader };
  });
  const claimed = await claimIdempotencyKeys(
    tx,
    [...leaders.values()].map((index) => requests[index]!.idempotency!),
    new Date(),
  );
  const recordIds = new Map<number, number>();
  for (const [slot, index] of leaders) {
    const recordId = claimed.get(slot);
    if (recordId === undefined) outcomes[index] = { kind: 'key-taken' };
    else recordIds.set(index, recordId);
  }
  return recordIds;
}

/**
 * The balances of the stock levels the group touches. No lock of their own is needed: every
 * posting locks the level's product first (lockMovementSubjects), and nothing else changes a
 * level. A level without a row holds 0.
 */
async function readStockLevels(tx: Transaction, movements: Array<{ productId: number; locationId: number; toLocationId: number | null }>): Promise<Map<string, number>> {
  const pairs = new Map<string, [number, number]>();
  for (const { productId, locationId, toLocationId } of movements) {
    for (const at of toLocationId === null ? [locationId] : [locationId, toLocationId]) pairs.set(levelKey(productId, at), [productId, at]);
  }
  if (pairs.size === 0) return new Map();
  // A joined list of pairs, not one OR term per pair: SQLite refuses an expression deeper than
  // 1000 terms, and a batch of 1000 transfers touches 2000 levels.
  const wanted = jsonRows(
    [
      ['product_id', 'int'],
      ['location_id', 'int'],
    ],
    [...pairs.values()],
  );
  const rows = await tx.$queryRaw<Array<{ product_id: number | bigint; location_id: number | bigint; on_hand: number | bigint }>>`
    SELECT l."product_id", l."location_id", l."on_hand"
      FROM ${wanted} AS w JOIN "stock_levels" l ON l."product_id" = w."product_id" AND l."location_id" = w."location_id"`;
  return new Map(rows.map((row) => [levelKey(Number(row.product_id), Number(row.location_id)), Number(row.on_hand)]));
}

/**
 * Writes each touched level's net change. Levels that have a row move by their net change in
 * one UPDATE guarded by `on_hand + delta >= 0` in the statement itself; levels first touched
 * now are inserted with their final balance (no one else can insert them: their product is
 * locked). The plan already proved every step non-negative under the locks, so a refused or
 * unexpected row here means a bug, and the whole group is rolled back.
 */
async function writeLevels(tx: Transaction, planned: PlannedRequest[], running: Running, existing: Set<string>, now: Date): Promise<void> {
  const changes = new Map<string, { productId: number; locationId: number; delta: number }>();
  for (const { legs } of planned) {
    for (const leg of legs) {
      const key = levelKey(leg.productId, leg.locationId);
      const change = changes.get(key) ?? { productId: leg.productId, locationId: leg.locationId, delta: 0 };
      change.delta += leg.quantity;
      changes.set(key, change);
    }
  }
  const updates = [...changes].filter(([key, change]) => existing.has(key) && change.delta !== 0).map(([, change]) => change);
  const inserts = [...changes].filter(([key]) => !existing.has(key)).map(([key, change]) => ({ ...change, onHand: running.levels.get(key) ?? 0 }));
  if (updates.length > 0) {
    const change = jsonRows(
      [
        ['product_id', 'int'],
        ['location_id', 'int'],
        ['delta', 'int'],
      ],
      updates.map(({ productId, locationId, delta }) => [productId, locationId, delta]),
    );
    const rows = await tx.$queryRaw<Array<{ product_id: number | bigint; location_id: number | bigint; on_hand: number | bigint }>>`
      UPDATE "stock_levels"
         SET "on_hand" = "stock_levels"."on_hand" + "change"."delta", "updated_at" = ${now}
        FROM ${change} AS "change"
       WHERE "stock_levels"."product_id" = "change"."product_id" AND "stock_levels"."location_id" = "change"."location_id"
         AND "stock_levels"."on_hand" + "change"."delta" >= 0
      RETURNING "stock_levels"."product_id", "stock_levels"."location_id", "stock_levels"."on_hand"`;
    const written = new Map(rows.map((row) => [levelKey(Number(row.product_id), Number(row.location_id)), Number(row.on_hand)]));
    for (const { productId, locationId } of updates) {
      const key = levelKey(productId, locationId);
      if (written.get(key) !== running.levels.get(key)) throw new Error(`Ledger invariant violated: stock level ${key} did not reach its planned balance.`);
    }
  }
  if (inserts.length > 0) {
    const created = jsonRows(
      [
        ['product_id', 'int'],
        ['location_id', 'int'],
        ['on_hand', 'int'],
      ],
      inserts.map(({ productId, locationId, onHand }) => [productId, locationId, onHand]),
    );
    await tx.$executeRaw`
      INSERT INTO "stock_levels" ("product_id", "location_id", "on_hand", "updated_at")
      SELECT c."product_id", c."location_id", c."on_hand", ${now} FROM ${created} AS c`;
  }
}

/**
 * Moves each product's total on-hand and moving average to their planned values in one
 * statement, guarded by the totals read under the lock (a mismatch means a bug). Only
 * products whose figures changed are written.
 */
async function writeProductTotals(tx: Transaction, running: Running, before: Map<number, LockedProduct>): Promise<void> {
  const changed = [...running.products.values()].filter((product) => {
    const old = before.get(product.id)!;
    return old.onHand !== product.onHand || old.averageCostMicroCents !== product.averageCostMicroCents;
  });
  if (changed.length === 0) return;
  const totals = jsonRows(
    [
      ['id', 'int'],
      ['on_hand', 'int'],
      ['average', 'bigint'],
      ['expected', 'int'],
    ],
    changed.map((product) => [product.id, product.onHand, product.averageCostMicroCents, before.get(product.id)!.onHand]),
  );
  const updated = await tx.$executeRaw`
    UPDATE "products"
       SET "on_hand" = "total"."on_hand", "average_cost_micro_cents" = "total"."average"
      FROM ${totals} AS "total"
     WHERE "products"."id" = "total"."id" AND "products"."deleted_at" IS NULL AND "products"."on_hand" = "total"."expected"`;
  if (updated !== changed.length) throw new Error('Ledger invariant violated: a product total changed under its lock.');
}
