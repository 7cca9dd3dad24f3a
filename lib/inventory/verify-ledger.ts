import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { isLowStock } from './is-low-stock';

export interface LedgerDiscrepancy {
  kind: 'stock-level' | 'product-total' | 'last-balance' | 'average-cost' | 'alert' | 'checkpoint' | 'archive-sum' | 'archive-overlap';
  productId: number;
  locationId: number | null;
  expected: number | string;
  actual: number | string;
}

type Row = Record<string, number | bigint | string | null>;

const num = (value: number | bigint | string | null | undefined): number => Number(value ?? 0);

/** A level's latest checkpoint (the archive's state of it): the one through its highest archived movement. */
const LATEST_CHECKPOINTS = Prisma.raw(`(
  SELECT c."product_id", c."location_id", c."balance", c."through_movement_id" FROM "ledger_checkpoints" c
   WHERE c."through_movement_id" = (
         SELECT MAX(x."through_movement_id") FROM "ledger_checkpoints" x WHERE x."product_id" = c."product_id" AND x."location_id" = c."location_id")) latest`);

/**
 * Recomputes every balance from the ledger and compares it with the caches: each stock
 * level equals its latest checkpoint (zero if none was archived) plus the sum of its live
 * movements, and the balanceAfter of its latest movement (or checkpoint); each product's
 * total equals the sum of its levels and its average cost the one on its latest movement (or
 * checkpoint); and each live product has an unresolved alert exactly when it is below its
 * reorder level. With `includeArchive`, the archive is checked against its checkpoints too:
 * each checkpoint is its archived row's state, each level's archived quantities sum to its
 * latest checkpoint, and no movement is in both tables. Read-only; safe on a live database.
 */
export async function verifyLedger({ includeArchive = false }: { includeArchive?: boolean } = {}): Promise<{
  checkedLevels: number;
  checkedProducts: number;
  discrepancies: LedgerDiscrepancy[];
}> {
  const client = db();
  const [levels, products, lastBalances, averages, alerts, counts, archive] = await Promise.all([
    // UNION ALL and one GROUP BY rather than a FULL OUTER JOIN, which SQLite runs as a nested
    // scan of the aggregated side for every level: hours on a million movements.
    client.$queryRaw<Row[]>`
      SELECT "product_id", "location_id", SUM("cached") AS cached, SUM("ledger") AS ledger
        FROM (SELECT "product_id", "location_id", "on_hand" AS "cached", 0 AS "ledger" FROM "stock_levels"
              UNION ALL
              SELECT "product_id", "location_id", 0 AS "cached", "quantity" AS "ledger" FROM "stock_movements"
              UNION ALL
              SELECT latest."product_id", latest."location_id", 0 AS "cached", latest."balance" AS "ledger" FROM ${LATEST_CHECKPOINTS}) entries
       GROUP BY "product_id", "location_id"
      HAVING SUM("cached") <> SUM("ledger")`,
    client.$queryRaw<Row[]>`
      SELECT p."id" AS product_id, p."on_hand" AS cached, COALESCE(SUM(l."on_hand"), 0) AS levels
        FROM "products" p LEFT JOIN "stock_levels" l ON l."product_id" = p."id"
       GROUP BY p."id", p."on_hand"
      HAVING p."on_hand" <> COALESCE(SUM(l."on_hand"), 0)`,
    // A level whose every movement is archived answers with its latest checkpoint.
    client.$queryRaw<Row[]>`
      SELECT product_id, location_id, cached, last_balance FROM (
        SELECT l."product_id" AS product_id, l."location_id" AS location_id, l."on_hand" AS cached,
               COALESCE((SELECT m."balance_after" FROM "stock_movements" m WHERE m."id" = (
                          SELECT MAX(x."id") FROM "stock_movements" x WHERE x."product_id" = l."product_id" AND x."location_id" = l."location_id")),
                        (SELECT c."balance" FROM "ledger_checkpoints" c
                          WHERE c."product_id" = l."product_id" AND c."location_id" = l."location_id"
                          ORDER BY c."through_movement_id" DESC LIMIT 1)) AS last_balance
          FROM "stock_levels" l) lasts
       WHERE last_balance <> cached`,
    client.$queryRaw<Row[]>`
      SELECT product_id, cached, last_average FROM (
        SELECT p."id" AS product_id, p."average_cost_micro_cents" AS cached,
               COALESCE((SELECT m."average_cost_micro_cents" FROM "stock_movements" m WHERE m."id" = (
                          SELECT MAX(x."id") FROM "stock_movements" x WHERE x."product_id" = p."id")),
                        (SELECT c."average_cost_micro_cents" FROM "ledger_checkpoints" c
                          WHERE c."product_id" = p."id" ORDER BY c."through_movement_id" DESC LIMIT 1)) AS last_average
          FROM "products" p) lasts
       WHERE last_average <> cached`,
    // Products whose alert state disagrees with isLowStock (lib/inventory/is-low-stock.ts), in SQL.
    client.$queryRaw<Row[]>`
      SELECT p."id" AS product_id, p."on_hand", p."reorder_level",
             (SELECT COUNT(*) FROM "inventory_alerts" a WHERE a."product_id" = p."id" AND a."status" <> 'RESOLVED') AS unresolved
        FROM "products" p
       WHERE p."deleted_at" IS NULL
         AND ((p."on_hand" < p."reorder_level") <> ((SELECT COUNT(*) FROM "inventory_alerts" a WHERE a."product_id" = p."id" AND a."status" <> 'RESOLVED') = 1))`,
    client.$queryRaw<Row[]>`SELECT (SELECT COUNT(*) FROM "stock_levels") AS levels, (SELECT COUNT(*) FROM "products") AS products`,
    includeArchive ? verifyArchive() : Promise.resolve([]),
  ]);

  const discrepancies: LedgerDiscrepancy[] = [
    ...levels.map((row) => ({
      kind: 'stock-level' as const,
      productId: num(row.product_id),
      locationId: num(row.location_id),
      expected: num(row.ledger),
      actual: num(row.cached),
    })),
    ...products.map((row) => ({
      kind: 'product-total' as const,
      productId: num(row.product_id),
      locationId: null,
      expected: num(row.levels),
      actual: num(row.cached),
    })),
    ...lastBalances.map((row) => ({
      kind: 'last-balance' as const,
      productId: num(row.product_id),
      locationId: num(row.location_id),
      expected: num(row.cached),
      actual: num(row.last_balance),
    })),
    ...averages.map((row) => ({
      kind: 'average-cost' as const,
      productId: num(row.product_id),
      locationId: null,
      expected: String(row.last_average),
      actual: String(row.cached),
    })),
    ...alerts.map((row) => ({
      kind: 'alert' as const,
      productId: num(row.product_id),
      locationId: null,
      expected: isLowStock({ onHand: num(row.on_hand), reorderLevel: num(row.reorder_level) }) ? 'one unresolved alert' : 'no unresolved alert',
      actual: `${num(row.unresolved)} unresolved alert(s)`,
    })),
    ...archive,
  ];
  return { checkedLevels: num(counts[0]?.levels), checkedProducts: num(counts[0]?.products), discrepancies };
}

/**
 * The archive against its checkpoints: every checkpoint is the state its archived row records
 * (balance and average cost), a level's archived quantities add up to its latest checkpoint,
 * no live movement of a level comes at or before that checkpoint, and no movement is in both
 * tables (a batch copies and deletes in one transaction).
 */
async function verifyArchive(): Promise<LedgerDiscrepancy[]> {
  const client = db();
  const [checkpoints, sums, early, overlap] = await Promise.all([
    client.$queryRaw<Row[]>`
      SELECT c."product_id", c."location_id", c."balance", c."average_cost_micro_cents" AS average, a."balance_after", a."average_cost_micro_cents" AS archived_average
        FROM "ledger_checkpoints" c
        LEFT JOIN "stock_movements_archive" a ON a."id" = c."through_movement_id"
       WHERE a."id" IS NULL OR a."balance_after" <> c."balance" OR a."average_cost_micro_cents" <> c."average_cost_micro_cents"
          OR a."product_id" <> c."product_id" OR a."location_id" <> c."location_id"`,
    client.$queryRaw<Row[]>`
      SELECT product_id, location_id, SUM(checkpoint) AS checkpoint, SUM(archived) AS archived
        FROM (SELECT latest."product_id" AS product_id, latest."location_id" AS location_id, latest."balance" AS checkpoint, 0 AS archived FROM ${LATEST_CHECKPOINTS}
              UNION ALL
              SELECT "product_id", "location_id", 0, "quantity" FROM "stock_movements_archive") entries
       GROUP BY product_id, location_id
      HAVING SUM(checkpoint) <> SUM(archived)`,
    client.$queryRaw<Row[]>`
      SELECT latest."product_id", latest."location_id", latest."through_movement_id", MIN(m."id") AS first_live
        FROM ${LATEST_CHECKPOINTS}
        JOIN "stock_movements" m ON m."product_id" = latest."product_id" AND m."location_id" = latest."location_id" AND m."id" <= latest."through_movement_id"
       GROUP BY latest."product_id", latest."location_id", latest."through_movement_id"`,
    client.$queryRaw<Row[]>`
      SELECT m."id", m."product_id", m."location_id" FROM "stock_movements" m JOIN "stock_movements_archive" a ON a."id" = m."id"`,
  ]);
  return [
    ...checkpoints.map((row) => ({
      kind: 'checkpoint' as const,
      productId: num(row.product_id),
      locationId: num(row.location_id),
      expected: row.balance_after === null ? 'its archived movement' : `${num(row.balance_after)} at ${String(row.archived_average)}`,
      actual: `${num(row.balance)} at ${String(row.average)}`,
    })),
    ...sums.map((row) => ({
      kind: 'archive-sum' as const,
      productId: num(row.product_id),
      locationId: num(row.location_id),
      expected: num(row.checkpoint),
      actual: num(row.archived),
    })),
    ...early.map((row) => ({
      kind: 'checkpoint' as const,
      productId: num(row.product_id),
      locationId: num(row.location_id),
      expected: `live movements after #${num(row.through_movement_id)}`,
      actual: `live movement #${num(row.first_live)}`,
    })),
    ...overlap.map((row) => ({
      kind: 'archive-overlap' as const,
      productId: num(row.product_id),
      locationId: num(row.location_id),
      expected: `movement #${num(row.id)} in one table`,
      actual: 'in both the ledger and the archive',
    })),
  ];
}
