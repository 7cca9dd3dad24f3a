import type { Transaction } from '@/lib/db/client';
import type { StockMovement } from '@/lib/db/generated/sqlite/client';
import { jsonRows, type JsonColumns } from '@/lib/db/json-rows';

export type LedgerRow = Omit<StockMovement, 'id'>;

/** Rows per INSERT: 1000 rows of at most ~1 KB of text each keeps the one parameter near a megabyte. */
const ROWS_PER_STATEMENT = 1_000;

const COLUMNS: JsonColumns = [
  ['product_id', 'int'],
  ['location_id', 'int'],
  ['type', 'movementType'],
  ['quantity', 'int'],
  ['balance_after', 'int'],
  ['unit_cost_cents', 'int'],
  ['average_cost_micro_cents', 'bigint'],
  ['reason', 'text'],
  ['reference', 'text'],
  ['transfer_id', 'text'],
  ['created_by_id', 'int'],
  ['created_at', 'timestamp'],
];

/**
 * Appends rows to the ledger and returns them with their ids, in the order given: one
 * INSERT ... SELECT ... ORDER BY position RETURNING "id" per 1000 rows, the rows bound as one
 * JSON parameter (lib/db/json-rows.ts). A VALUES list of 12 parameters a row cost ~15 ms of CPU per
 * 1000 rows before SQLite did any work; Prisma's createManyAndReturn costs more still (about
 * 0.3 ms a row mapping results we already hold). Ids are assigned in the SELECT's order on
 * both engines, which follows the list.
 */
export async function insertLedgerRows(tx: Transaction, rows: LedgerRow[]): Promise<StockMovement[]> {
  const inserted: StockMovement[] = [];
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    const values = jsonRows(
      COLUMNS,
      chunk.map((row) => [
        row.productId,
        row.locationId,
        row.type,
        row.quantity,
        row.balanceAfter,
        row.unitCostCents,
        row.averageCostMicroCents,
        row.reason,
        row.reference,
        row.transferId,
        row.createdById,
        row.createdAt,
      ]),
    );
    const ids = await tx.$queryRaw<Array<{ id: number | bigint }>>`
      INSERT INTO "stock_movements" ("product_id", "location_id", "type", "quantity", "balance_after", "unit_cost_cents", "average_cost_micro_cents", "reason", "reference", "transfer_id", "created_by_id", "created_at")
      SELECT r."product_id", r."location_id", r."type", r."quantity", r."balance_after", r."unit_cost_cents", r."average_cost_micro_cents", r."reason", r."reference", r."transfer_id", r."created_by_id", r."created_at"
        FROM ${values} AS r
       ORDER BY r."position"
      RETURNING "id"`;
    const sorted = ids.map((row) => Number(row.id)).sort((a, b) => a - b);
    if (sorted.length !== chunk.length) throw new Error('Ledger insert returned a different number of rows than it was given.');
    chunk.forEach((row, index) => inserted.push({ ...row, id: sorted[index]! }));
  }
  return inserted;
}
