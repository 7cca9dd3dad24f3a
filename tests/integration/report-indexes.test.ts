import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { PRODUCT_VALUE_BOUND } from '@/lib/inventory/reports/get-stock-valuation';
import { engineName } from './helpers';

/**
 * The report indexes of migration 20261209100000_report_indexes are used by the queries they
 * were made for. An expression index serves only a query that writes the same expression, so
 * a change to the valuation's rounding (lineValue) that forgot the index would quietly send
 * the Reports page back to scanning every product: this file fails instead. On PostgreSQL the
 * plan is asked with sequential scans discouraged, since on a test database's few rows the
 * planner rightly prefers them.
 */

const MIGRATION = '20261209100000_report_indexes';

const PLANNED = [
  { index: 'products_stock_value_bound_idx', sql: `SELECT "id" FROM "products" WHERE "on_hand" > 0 ORDER BY ${PRODUCT_VALUE_BOUND} DESC LIMIT 256` },
  { index: 'products_stock_value_bound_idx', sql: `SELECT "id" FROM "products" WHERE "on_hand" > 0 AND ${PRODUCT_VALUE_BOUND} >= 151980` },
  {
    index: 'products_low_stock_idx',
    sql: `SELECT "id" FROM "products" WHERE "deleted_at" IS NULL AND "on_hand" < "reorder_level" ORDER BY "on_hand" - "reorder_level", "sku_key", "id" LIMIT 50`,
  },
  {
    index: 'products_low_stock_idx',
    sql: `SELECT COUNT(*) AS "count" FROM "products" WHERE "deleted_at" IS NULL AND "on_hand" < "reorder_level" AND "on_hand" - "reorder_level" < 0`,
  },
];

async function plan(sql: string): Promise<string> {
  if (engineName() === 'sqlite') {
    const rows = await db().$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`);
    return rows.map((row) => row.detail).join(' | ');
  }
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    const rows = await tx.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql}`);
    return rows.map((row) => row['QUERY PLAN']).join(' | ');
  });
}

describe('report indexes', () => {
  it("the migration's bound is the valuation's expression, character for character, on both engines", () => {
    for (const folder of ['prisma/migrations', 'prisma/postgres/migrations']) {
      const sql = readFileSync(join(process.cwd(), folder, MIGRATION, 'migration.sql'), 'utf8');
      expect(sql, folder).toContain(`ON "products"(${PRODUCT_VALUE_BOUND}) WHERE "on_hand" > 0;`);
    }
  });

  it.each(PLANNED)('$index serves: $sql', async ({ index, sql }) => {
    expect(await plan(sql)).toContain(index);
  });
});
