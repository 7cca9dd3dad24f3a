import { db } from '@/lib/db/client';

export interface DailyMovementTotals {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  /** Units that came in (receipts, positive adjustments and counts); transfers are left out. */
  unitsIn: number;
  /** Units that went out, as a positive number (shipments, negative adjustments and counts). */
  unitsOut: number;
  /** Ledger rows posted that day, both legs of a transfer included. */
  movements: number;
}

type Numeric = number | bigint | string | null;

const DAY_MS = 86_400_000;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Units in and out of the business per UTC day over the last `days` days (today included),
 * oldest first, with a zero row for a quiet day. Transfers only move stock between
 * locations, so they count as movements but not as units in or out.
 *
 * One aggregate for both engines: SQLite stores the timestamp as ISO-8601 text and
 * PostgreSQL renders it as `YYYY-MM-DD hh:mm:ss`, so the first ten characters of the text
 * are the UTC day on both (PostgreSQL timestamps are stored in UTC without a zone).
 */
export async function getDailyMovementTotals({ days = 30, now = new Date() }: { days?: number; now?: Date } = {}): Promise<DailyMovementTotals[]> {
  const firstDay = new Date(Date.parse(utcDay(now)) - (days - 1) * DAY_MS);
  const rows = await db().$queryRaw<Array<{ day: string; units_in: Numeric; units_out: Numeric; movements: Numeric }>>`
    SELECT SUBSTR(CAST("created_at" AS TEXT), 1, 10) AS "day",
           SUM(CASE WHEN "type" <> 'TRANSFER' AND "quantity" > 0 THEN "quantity" ELSE 0 END) AS "units_in",
           SUM(CASE WHEN "type" <> 'TRANSFER' AND "quantity" < 0 THEN -"quantity" ELSE 0 END) AS "units_out",
           COUNT(*) AS "movements"
      FROM "stock_movements"
     WHERE "created_at" >= ${firstDay}
     GROUP BY SUBSTR(CAST("created_at" AS TEXT), 1, 10)`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, index) => {
    const day = utcDay(new Date(firstDay.getTime() + index * DAY_MS));
    const row = byDay.get(day);
    return { day, unitsIn: Number(row?.units_in ?? 0), unitsOut: Number(row?.units_out ?? 0), movements: Number(row?.movements ?? 0) };
  });
}
