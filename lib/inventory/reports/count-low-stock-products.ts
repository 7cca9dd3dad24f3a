import { db } from '@/lib/db/client';

/** How many live products are below their reorder level (isLowStock, in SQL): the size of the whole low-stock report. */
export async function countLowStockProducts(): Promise<number> {
  // The last term says again what `on_hand < reorder_level` says, as a range on the leading
  // column of products_low_stock_idx: without statistics SQLite would otherwise count through
  // the barcode index, another partial index over every live product.
  const [row] = await db().$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(*) AS "count" FROM "products"
     WHERE "deleted_at" IS NULL AND "on_hand" < "reorder_level" AND "on_hand" - "reorder_level" < 0`;
  return Number(row?.count ?? 0);
}
