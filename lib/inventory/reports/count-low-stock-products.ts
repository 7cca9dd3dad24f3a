import { db } from '@/lib/db/client';

/** How many live products are below their reorder level (isLowStock, in SQL): the size of the whole low-stock report. */
export async function countLowStockProducts(): Promise<number> {
  const [row] = await db().$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(*) AS "count" FROM "products" WHERE "deleted_at" IS NULL AND "on_hand" < "reorder_level"`;
  return Number(row?.count ?? 0);
}
