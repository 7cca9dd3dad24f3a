import { databaseEngine, type Transaction } from '@/lib/db/client';
import { Prisma, type StockMovement } from '@/lib/db/generated/sqlite/client';

export type LedgerRow = Omit<StockMovement, 'id'>;

/** Rows per INSERT: 1000 rows of at most ~1 KB of text each keeps one parameter near a megabyte. */
const ROWS_PER_STATEMENT = 1_000;

const COLUMNS = Prisma.raw(`"product_id", "location_id", "type", "quantity", "balance_after", "unit_cost_cents", "average_cost_micro_cents", "reason", "reference", "transfer_id", "created_by_id", "created_at"`);

/**
 * Appends rows to the ledger and returns them with their ids, in the order given. The rows
 * travel as ONE JSON parameter (an array of arrays) that the database unpacks in order
 * (`json_each` / `json_array_elements ... WITH ORDINALITY`), in one INSERT ... SELECT ...
 * ORDER BY position RETURNING "id" per 1000 rows. A VALUES list of 12 bound parameters a row
 * cost about 15 ms of CPU per 1000 rows in Prisma's parameter handling, the adapter's per
 * argument mapping and SQLite's parsing of a 40 KB statement; Prisma's createManyAndReturn
 * costs more still (about 0.3 ms a row mapping results we already hold). Ids are assigned in
 * the SELECT's order on both engines, which follows the array.
 *
 * The JSON carries what the drivers would have bound: timestamps as SQLite's adapter writes
 * them (ISO 8601 with +00:00) and as UTC on PostgreSQL's TIMESTAMP(3), the average cost as a
 * decimal string (a BIGINT may pass 2^53), text as JSON strings (input text never holds a lone
 * surrogate or NUL: lib/plain-text.ts refuses them).
 */
export async function insertLedgerRows(tx: Transaction, rows: LedgerRow[]): Promise<StockMovement[]> {
  const postgres = databaseEngine() === 'postgresql';
  const inserted: StockMovement[] = [];
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    const isoOf = new Map<number, string>();
    const json = JSON.stringify(
      chunk.map((row) => {
        const ms = row.createdAt.getTime();
        let iso = isoOf.get(ms);
        if (iso === undefined) {
          iso = row.createdAt.toISOString().replace('Z', '+00:00');
          isoOf.set(ms, iso);
        }
        return [
          row.productId,
          row.locationId,
          row.type,
          row.quantity,
          row.balanceAfter,
          row.unitCostCents,
          row.averageCostMicroCents.toString(),
          row.reason,
          row.reference,
          row.transferId,
          row.createdById,
          iso,
        ];
      }),
    );
    const ids = postgres
      ? await tx.$queryRaw<Array<{ id: number | bigint }>>`
          INSERT INTO "stock_movements" (${COLUMNS})
          SELECT (r.e ->> 0)::int, (r.e ->> 1)::int, (r.e ->> 2)::"MovementType", (r.e ->> 3)::int, (r.e ->> 4)::int, (r.e ->> 5)::int,
                 (r.e ->> 6)::bigint, r.e ->> 7, r.e ->> 8, r.e ->> 9, (r.e ->> 10)::int, (r.e ->> 11)::timestamptz AT TIME ZONE 'UTC'
            FROM json_array_elements(${json}::json) WITH ORDINALITY AS r(e, position)
           ORDER BY r.position
          RETURNING "id"`
      : await tx.$queryRaw<Array<{ id: number | bigint }>>`
          INSERT INTO "stock_movements" (${COLUMNS})
          SELECT "value" ->> 0, "value" ->> 1, "value" ->> 2, "value" ->> 3, "value" ->> 4, "value" ->> 5,
                 CAST("value" ->> 6 AS INTEGER), "value" ->> 7, "value" ->> 8, "value" ->> 9, "value" ->> 10, "value" ->> 11
            FROM json_each(${json})
           ORDER BY "key"
          RETURNING "id"`;
    const sorted = ids.map((row) => Number(row.id)).sort((a, b) => a - b);
    if (sorted.length !== chunk.length) throw new Error('Ledger insert returned a different number of rows than it was given.');
    chunk.forEach((row, index) => inserted.push({ ...row, id: sorted[index]! }));
  }
  return inserted;
}
