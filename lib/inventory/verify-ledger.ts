import { db } from '@/lib/db/client';
import { isLowStock } from './is-low-stock';

export interface LedgerDiscrepancy {
  kind: 'stock-level' | 'product-total' | 'last-balance' | 'average-cost' | 'alert';
  productId: number;
  locationId: number | null;
  expected: number | string;
  actual: number | string;
}

type Row = Record<string, number | bigint | string | null>;

const num = (value: number | bigint | string | null | undefined): number => Number(value ?? 0);

/**
 * Recomputes every balance from the ledger and compares it with the caches: each stock
 * level equals the sum of its movements and the balanceAfter of its latest movement, each
 * product's total equals the sum of its levels and its average cost the one on its latest
 * movement, and each live product has an unresolved
 * alert exactly when it is below its reorder level. Read-only; safe on a live database.
 */
export async function verifyLedger(): Promise<{ checkedLevels: number; checkedProducts: number; discrepancies: LedgerDiscrepancy[] }> {
  const client = db();
  const [levels, products, lastBalances, averages, alerts, counts] = await Promise.all([
    // UNION ALL and one GROUP BY rather than a FULL OUTER JOIN, which SQLite runs as a nested
    // scan of the aggregated side for every level: hours on a million movements.
    client.$queryRaw<Row[]>`
      SELECT "product_id", "location_id", SUM("cached") AS cached, SUM("ledger") AS ledger
        FROM (SELECT "product_id", "location_id", "on_hand" AS "cached", 0 AS "ledger" FROM "stock_levels"
              UNION ALL
              SELECT "product_id", "location_id", 0 AS "cached", "quantity" AS "ledger" FROM "stock_movements") entries
       GROUP BY "product_id", "location_id"
      HAVING SUM("cached") <> SUM("ledger")`,
    client.$queryRaw<Row[]>`
      SELECT p."id" AS product_id, p."on_hand" AS cached, COALESCE(SUM(l."on_hand"), 0) AS levels
        FROM "products" p LEFT JOIN "stock_levels" l ON l."product_id" = p."id"
       GROUP BY p."id", p."on_hand"
      HAVING p."on_hand" <> COALESCE(SUM(l."on_hand"), 0)`,
    client.$queryRaw<Row[]>`
      SELECT l."product_id", l."location_id", l."on_hand" AS cached, m."balance_after" AS last_balance
        FROM "stock_levels" l
        JOIN "stock_movements" m ON m."id" = (
          SELECT MAX(x."id") FROM "stock_movements" x WHERE x."product_id" = l."product_id" AND x."location_id" = l."location_id")
       WHERE m."balance_after" <> l."on_hand"`,
    client.$queryRaw<Row[]>`
      SELECT p."id" AS product_id, p."average_cost_micro_cents" AS cached, m."average_cost_micro_cents" AS last_average
        FROM "products" p
        JOIN "stock_movements" m ON m."id" = (SELECT MAX(x."id") FROM "stock_movements" x WHERE x."product_id" = p."id")
       WHERE m."average_cost_micro_cents" <> p."average_cost_micro_cents"`,
    // Products whose alert state disagrees with isLowStock (lib/inventory/is-low-stock.ts), in SQL.
    client.$queryRaw<Row[]>`
      SELECT p."id" AS product_id, p."on_hand", p."reorder_level",
             (SELECT COUNT(*) FROM "inventory_alerts" a WHERE a."product_id" = p."id" AND a."status" <> 'RESOLVED') AS unresolved
        FROM "products" p
       WHERE p."deleted_at" IS NULL
         AND ((p."on_hand" < p."reorder_level") <> ((SELECT COUNT(*) FROM "inventory_alerts" a WHERE a."product_id" = p."id" AND a."status" <> 'RESOLVED') = 1))`,
    client.$queryRaw<Row[]>`SELECT (SELECT COUNT(*) FROM "stock_levels") AS levels, (SELECT COUNT(*) FROM "products") AS products`,
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
  ];
  return { checkedLevels: num(counts[0]?.levels), checkedProducts: num(counts[0]?.products), discrepancies };
}
