import { databaseEngine, type Transaction } from '@/lib/db/client';
import { Prisma, type StockMovement } from '@/lib/db/generated/sqlite/client';

export type LedgerRow = Omit<StockMovement, 'id'>;

/** Rows per INSERT: 12 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Appends rows to the ledger with multi-row INSERT ... RETURNING "id" statements and returns
 * them with their ids, in the order given. Prisma's createManyAndReturn spends about 0.3 ms a
 * row mapping results we already hold; a batch of 1000 movements then took a third of a
 * second. Ids of one statement's rows are assigned in VALUES order on both engines.
 */
export async function insertLedgerRows(tx: Transaction, rows: LedgerRow[]): Promise<StockMovement[]> {
  const movementType = databaseEngine() === 'postgresql' ? Prisma.sql`::"MovementType"` : Prisma.empty;
  const inserted: StockMovement[] = [];
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    const values = Prisma.join(
      chunk.map(
        (row) =>
          Prisma.sql`(${row.productId}, ${row.locationId}, ${row.type}${movementType}, ${row.quantity}, ${row.balanceAfter}, ${row.unitCostCents}, ${row.averageCostMicroCents}, ${row.reason}, ${row.reference}, ${row.transferId}, ${row.createdById}, ${row.createdAt})`,
      ),
    );
    const ids = await tx.$queryRaw<Array<{ id: number | bigint }>>`
      INSERT INTO "stock_movements" ("product_id", "location_id", "type", "quantity", "balance_after", "unit_cost_cents", "average_cost_micro_cents", "reason", "reference", "transfer_id", "created_by_id", "created_at")
      VALUES ${values}
      RETURNING "id"`;
    const sorted = ids.map((row) => Number(row.id)).sort((a, b) => a - b);
    if (sorted.length !== chunk.length) throw new Error('Ledger insert returned a different number of rows than it was given.');
    chunk.forEach((row, index) => inserted.push({ ...row, id: sorted[index]! }));
  }
  return inserted;
}
