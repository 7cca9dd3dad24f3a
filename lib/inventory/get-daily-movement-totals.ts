import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { addDays, shopDayBuckets, shopToday } from '@/lib/time/shop-day';
import { shopDayIndexSql } from '@/lib/time/shop-day-sql';

export interface DailyMovementTotals {
  /** The shop's day (its time zone), `YYYY-MM-DD`. */
  day: string;
  /** Units that came in (receipts, positive adjustments and counts); transfers are left out. */
  unitsIn: number;
  /** Units that went out, as a positive number (shipments, negative adjustments and counts). */
  unitsOut: number;
  /** Ledger rows posted that day, both legs of a transfer included. */
  movements: number;
}

type Numeric = number | bigint | string | null;

/**
 * Units in and out of the business per day of the shop (in its time zone) over the last
 * `days` days, today included, oldest first, with a zero row for a quiet day. Transfers only
 * move stock between locations, so they count as movements but not as units in or out.
 *
 * One aggregate for both engines over the range of UTC instants the days cover (the
 * created_at index), grouped by the day each row falls in (shopDayIndexSql).
 */
export async function getDailyMovementTotals({ days = 30, now = new Date(), timeZone }: { days?: number; now?: Date; timeZone?: string } = {}): Promise<DailyMovementTotals[]> {
  const zone = timeZone ?? (await getShopSettings()).timezone;
  const today = shopToday(zone, now);
  const buckets = shopDayBuckets(addDays(today, -(days - 1)), today, zone);
  const bucket = shopDayIndexSql(Prisma.sql`"created_at"`, buckets);
  const rows = await db().$queryRaw<Array<{ bucket: Numeric; units_in: Numeric; units_out: Numeric; movements: Numeric }>>(Prisma.sql`
    SELECT ${bucket} AS "bucket",
           SUM(CASE WHEN "type" <> 'TRANSFER' AND "quantity" > 0 THEN "quantity" ELSE 0 END) AS "units_in",
           SUM(CASE WHEN "type" <> 'TRANSFER' AND "quantity" < 0 THEN -"quantity" ELSE 0 END) AS "units_out",
           COUNT(*) AS "movements"
      FROM (SELECT "created_at", "type", "quantity" FROM "stock_movements"
             WHERE "created_at" >= ${buckets[0]!.start} AND "created_at" < ${buckets.at(-1)!.end}
            -- Archived rows (ledger:archive) still happened on their days.
            UNION ALL
            SELECT "created_at", "type", "quantity" FROM "stock_movements_archive"
             WHERE "created_at" >= ${buckets[0]!.start} AND "created_at" < ${buckets.at(-1)!.end}) m
     GROUP BY 1`);
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), row]));
  return buckets.map(({ day }, index) => {
    const row = byBucket.get(index);
    return { day, unitsIn: Number(row?.units_in ?? 0), unitsOut: Number(row?.units_out ?? 0), movements: Number(row?.movements ?? 0) };
  });
}
