import { Prisma } from '@/lib/db/generated/sqlite/client';
import type { ShopDayBucket } from './shop-day';

/**
 * SQL giving the index of the shop day a timestamp column falls in, for rows already limited to
 * [first bucket's start, last bucket's end): a balanced tree of comparisons against the days'
 * UTC boundaries (computed in JS with the zone's real offsets), so a row costs about log2(days)
 * comparisons, the WHERE range keeps using the column's index, and a 23- or 25-hour day is
 * bucketed like any other. Portable: plain comparisons, no zone support needed in the engine.
 */
export function shopDayIndexSql(column: Prisma.Sql, buckets: readonly ShopDayBucket[]): Prisma.Sql {
  if (buckets.length === 0) throw new RangeError('No days to bucket into');
  const node = (low: number, high: number): Prisma.Sql => {
    // A literal, not a parameter: PostgreSQL cannot type a bare parameter in a CASE branch.
    if (low === high) return Prisma.raw(String(low));
    const middle = Math.ceil((low + high) / 2);
    return Prisma.sql`CASE WHEN ${column} < ${buckets[middle]!.start} THEN ${node(low, middle - 1)} ELSE ${node(middle, high)} END`;
  };
  return node(0, buckets.length - 1);
}
