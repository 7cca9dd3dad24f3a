import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { addDays, shopDayBuckets, shopToday } from '@/lib/time/shop-day';
import { shopDayIndexSql } from '@/lib/time/shop-day-sql';

export interface StockHistoryPoint {
  /** The shop's day (its time zone), `YYYY-MM-DD`. */
  day: string;
  /** On hand over all locations at the end of that day. */
  onHand: number;
}

type Numeric = number | bigint | string | null;

/**
 * A product's on hand over all locations at the end of each of the shop's days (in its time
 * zone) of the last `days` days, today included, oldest first, from the ledger alone: the
 * net of every row before the chart's first day, then each day's net change, grouped by
 * the day a row falls in (shopDayIndexSql) over the range of UTC instants the chart covers,
 * on the (product_id, created_at) index. Days without movements carry the previous balance.
 * Transfers net to zero over all locations. Archived rows count through the product's
 * checkpoints.
 */
export async function getProductStockHistory({ productId, days = 90, now = new Date(), timeZone }: { productId: number; days?: number; now?: Date; timeZone?: string }): Promise<StockHistoryPoint[]> {
  const zone = timeZone ?? (await getShopSettings()).timezone;
  const today = shopToday(zone, now);
  const buckets = shopDayBuckets(addDays(today, -(days - 1)), today, zone);
  const start = buckets[0]!.start;
  const end = buckets.at(-1)!.end;
  // One more bucket, index `days`, for the archived rows after the chart (read in the past).
  const bucket = shopDayIndexSql(Prisma.sql`"created_at"`, [...buckets, { day: '', start: end, end }]);
  const [[opening], liveDays, archivedDays, [checkpoints]] = await Promise.all([
    db().$queryRaw<Array<{ net: Numeric }>>`
    SELECT SUM("quantity") AS "net" FROM "stock_movements" WHERE "product_id" = ${productId} AND "created_at" < ${start}`,
    db().$queryRaw<Array<{ bucket: Numeric; net: Numeric }>>(Prisma.sql`
    SELECT ${bucket} AS "bucket", SUM("quantity") AS "net"
      FROM "stock_movements"
     WHERE "product_id" = ${productId} AND "created_at" >= ${start} AND "created_at" < ${end}
     GROUP BY 1`),
    // Archived rows (ledger:archive) add up to the product's latest checkpoints; of them only
    // the days from the chart's first on are read, so the days before the cut still draw as they did.
    db().$queryRaw<Array<{ bucket: Numeric; net: Numeric }>>(Prisma.sql`
    SELECT ${bucket} AS "bucket", SUM("quantity") AS "net"
      FROM "stock_movements_archive"
     WHERE "product_id" = ${productId} AND "created_at" >= ${start}
     GROUP BY 1`),
    db().$queryRaw<Array<{ total: Numeric }>>`
    SELECT SUM(c."balance") AS "total" FROM "ledger_checkpoints" c
     WHERE c."product_id" = ${productId}
       AND c."through_movement_id" = (SELECT MAX(x."through_movement_id") FROM "ledger_checkpoints" x WHERE x."product_id" = c."product_id" AND x."location_id" = c."location_id")`,
  ]);
  const net = new Array<number>(days + 1).fill(0);
  for (const row of [...liveDays, ...archivedDays]) net[Number(row.bucket)]! += Number(row.net ?? 0);
  // On hand from archived rows just before the chart's first day, plus the live rows before it.
  const archivedSinceStart = archivedDays.reduce((sum, row) => sum + Number(row.net ?? 0), 0);
  let onHand = Number(checkpoints?.total ?? 0) - archivedSinceStart + Number(opening?.net ?? 0);
  return buckets.map(({ day }, index) => {
    onHand += net[index]!;
    return { day, onHand };
  });
}
