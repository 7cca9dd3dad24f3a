import { db } from '@/lib/db/client';

export interface StockHistoryPoint {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  /** On hand over all locations at the end of that day. */
  onHand: number;
}

type Numeric = number | bigint | string | null;

const DAY_MS = 86_400_000;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A product's on hand over all locations at the end of each UTC day of the last `days` days
 * (today included), oldest first, from the ledger alone. The database sums each day's net
 * change and keeps a running total over the whole history (a window over the daily sums),
 * so a product with years of movements still returns one row per active day; days without
 * movements carry the previous balance. Transfers net to zero over all locations.
 *
 * The day is the first ten characters of the timestamp's text on both engines (see
 * getDailyMovementTotals).
 */
export async function getProductStockHistory({ productId, days = 90, now = new Date() }: { productId: number; days?: number; now?: Date }): Promise<StockHistoryPoint[]> {
  const rows = await db().$queryRaw<Array<{ day: string; on_hand: Numeric }>>`
    SELECT "day", SUM("net") OVER (ORDER BY "day" ROWS UNBOUNDED PRECEDING) AS "on_hand"
      FROM (SELECT SUBSTR(CAST("created_at" AS TEXT), 1, 10) AS "day", SUM("quantity") AS "net"
              FROM "stock_movements"
             WHERE "product_id" = ${productId}
             GROUP BY SUBSTR(CAST("created_at" AS TEXT), 1, 10)) d
     ORDER BY "day"`;
  const firstDay = Date.parse(utcDay(now)) - (days - 1) * DAY_MS;
  let onHand = 0;
  let next = 0;
  return Array.from({ length: days }, (_, index) => {
    const day = utcDay(new Date(firstDay + index * DAY_MS));
    // Rows are in day order: take every row up to and including this day.
    while (next < rows.length && rows[next]!.day <= day) {
      onHand = Number(rows[next]!.on_hand ?? 0);
      next += 1;
    }
    return { day, onHand };
  });
}
