import { existsSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { engineOf } from './engine';
import { migrate, planMigrations, readMigrations, type AppliedRow } from './migrate';

/** A copy that cannot start or cannot finish; the target is left as it was (one transaction). */
export class CopyError extends Error {}

export interface CopiedTable {
  table: string;
  rows: number;
}

export interface CopyResult {
  tables: CopiedTable[];
  milliseconds: number;
}

type SqliteValue = number | bigint | string | Buffer | null;

interface TargetColumn {
  name: string;
  type: string;
}

const BOOKKEEPING = '_prisma_migrations';
/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS_PER_INSERT = 1_000;
/** Tables a shop's data always fills; migrations never write to them. */
const SHOP_DATA_TABLES = ['users', 'products', 'stock_movements'];

/**
 * Moves a shop from its SQLite file into an empty PostgreSQL database: the target is migrated
 * to this checkout's schema, then every table is copied with its ids in foreign-key order,
 * inside ONE PostgreSQL transaction (a failure leaves the target empty, ready for another try),
 * from ONE SQLite read transaction (a consistent moment even if a writer is still running).
 * Identity sequences are moved past the copied ids so new rows never collide.
 *
 * The SQLite file is opened read-only and must be fully migrated: its columns and the target's
 * must match exactly, so two versions' schemas are never mixed silently.
 */
export async function copySqliteToPostgres({
  sqlitePath,
  postgresUrl,
  onTable,
}: {
  sqlitePath: string;
  postgresUrl: string;
  onTable?: (copied: CopiedTable) => void;
}): Promise<CopyResult> {
  if (engineOf(postgresUrl) !== 'postgresql') throw new CopyError('The target must be a PostgreSQL URL (postgresql://...).');
  if (!existsSync(sqlitePath)) throw new CopyError(`There is no SQLite database at ${sqlitePath}.`);
  const started = performance.now();
  const source = new Sqlite(sqlitePath, { readonly: true, fileMustExist: true, timeout: 15_000 });
  try {
    requireCurrentSchema(source, sqlitePath);
    await migrate({ url: postgresUrl });
    const target = new pg.Client({ connectionString: postgresUrl });
    await target.connect();
    try {
      const tables = await copyTables(source, target, onTable);
      await target.query('ANALYZE');
      return { tables, milliseconds: Math.round(performance.now() - started) };
    } finally {
      await target.end();
    }
  } finally {
    source.close();
  }
}

function requireCurrentSchema(source: Sqlite.Database, sqlitePath: string): void {
  const hasBookkeeping = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(BOOKKEEPING);
  if (!hasBookkeeping) throw new CopyError(`${sqlitePath} is not a Stockroom database (it has no migration history).`);
  const applied = source.prepare(`SELECT * FROM "${BOOKKEEPING}"`).all() as AppliedRow[];
  const pending = planMigrations(readMigrations('sqlite'), applied);
  if (pending.length > 0) {
    throw new CopyError(
      `${sqlitePath} lacks ${pending.length} migration(s) of this version (${pending.map((m) => m.name).join(', ')}): back it up, run \`DATABASE_URL=file:${sqlitePath} npm run db:migrate\`, then copy.`,
    );
  }
}

async function copyTables(source: Sqlite.Database, target: pg.Client, onTable?: (copied: CopiedTable) => void): Promise<CopiedTable[]> {
  const sourceTables = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?").all(BOOKKEEPING) as Array<{ name: string }>).map((row) => row.name);
  const targetColumns = await readTargetColumns(target);
  const missing = sourceTables.filter((table) => !targetColumns.has(table));
  const extra = [...targetColumns.keys()].filter((table) => !sourceTables.includes(table));
  if (missing.length > 0 || extra.length > 0) {
    throw new CopyError(`The two databases' tables differ (only in SQLite: ${missing.join(', ') || 'none'}; only in PostgreSQL: ${extra.join(', ') || 'none'}).`);
  }
  await requireEmptyTarget(target);

  const copied: CopiedTable[] = [];
  // Both reads and writes are one transaction each: one moment of the source, all or nothing in the target.
  source.exec('BEGIN');
  await target.query('BEGIN');
  try {
    for (const table of inForeignKeyOrder(source, sourceTables)) {
      const columns = matchColumns(source, table, targetColumns.get(table) ?? []);
      // Rows a migration wrote (defaults, counters) give way to the shop's own.
      await target.query(`DELETE FROM "${table}"`);
      const rows = await copyTable(source, target, table, columns);
      const result = { table, rows };
      copied.push(result);
      onTable?.(result);
    }
    await resetSequences(target);
    await target.query('COMMIT');
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    source.exec('COMMIT');
  }
  return copied;
}

async function readTargetColumns(target: pg.Client): Promise<Map<string, TargetColumn[]>> {
  const { rows } = await target.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
      ORDER BY c.table_name, c.ordinal_position`,
    [BOOKKEEPING],
  );
  const byTable = new Map<string, TargetColumn[]>();
  for (const row of rows) {
    const columns = byTable.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type });
    byTable.set(row.table_name, columns);
  }
  return byTable;
}

async function requireEmptyTarget(target: pg.Client): Promise<void> {
  for (const table of SHOP_DATA_TABLES) {
    const { rows } = await target.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM "${table}") AS present`);
    if (rows[0]?.present) throw new CopyError(`The PostgreSQL database already holds data (table ${table}): copy only into an empty database.`);
  }
}

function matchColumns(source: Sqlite.Database, table: string, targetColumns: TargetColumn[]): TargetColumn[] {
  const sourceNames = (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((row) => row.name);
  const targetNames = targetColumns.map((column) => column.name);
  const differ = sourceNames.length !== targetNames.length || sourceNames.some((name) => !targetNames.includes(name));
  if (differ) throw new CopyError(`Table ${table} has columns ${sourceNames.join(', ')} in SQLite but ${targetNames.join(', ')} in PostgreSQL.`);
  return targetColumns;
}

/** Parents before children (self-references aside: rows go in id order, parents first). */
function inForeignKeyOrder(source: Sqlite.Database, tables: string[]): string[] {
  const parents = new Map(
    tables.map((table) => [
      table,
      new Set((source.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(table) as Array<{ parent: string }>).map((row) => row.parent).filter((parent) => parent !== table)),
    ]),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((parent) => placed.has(parent) || !parents.has(parent)));
    if (ready.length === 0) throw new CopyError(`Foreign keys form a cycle among ${tables.filter((table) => !placed.has(table)).join(', ')}.`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

async function copyTable(source: Sqlite.Database, target: pg.Client, table: string, columns: TargetColumn[]): Promise<number> {
  const list = columns.map((column) => `"${column.name}"`).join(', ');
  const rowsPerInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
  const select = source.prepare(`SELECT ${list} FROM "${table}" ORDER BY rowid`).raw().safeIntegers(true);
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`).join(', ');
    await target.query(`INSERT INTO "${table}" (${list}) VALUES ${values}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of select.iterate() as IterableIterator<SqliteValue[]>) {
    batch.push(row.map((value, index) => toPostgres(value, columns[index] as TargetColumn, table)));
    if (batch.length === rowsPerInsert) await flush();
  }
  await flush();
  return copied;
}

/** SQLite's storage classes in the target column's type: 0/1 booleans, dates as text or epoch milliseconds, 64-bit integers exactly. */
export function toPostgres(value: SqliteValue, column: TargetColumn, table: string): unknown {
  if (value === null) return null;
  if (column.type === 'boolean') return Number(value) !== 0;
  if (column.type.startsWith('timestamp') || column.type === 'date') return toTimestamp(value, column, table);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function toTimestamp(value: SqliteValue, column: TargetColumn, table: string): string {
  let instant: Date;
  if (typeof value === 'bigint' || typeof value === 'number') instant = new Date(Number(value));
  else {
    const text = String(value).trim().replace(' ', 'T');
    // SQLite's CURRENT_TIMESTAMP is UTC without a zone; Prisma writes ISO-8601 with one.
    instant = new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
  }
  if (Number.isNaN(instant.getTime())) throw new CopyError(`${table}.${column.name} holds ${String(value)}, which is not a date.`);
  if (column.type === 'date') return instant.toISOString().slice(0, 10);
  // Prisma's PostgreSQL columns are timestamp without time zone holding UTC.
  return column.type === 'timestamp with time zone' ? instant.toISOString() : instant.toISOString().slice(0, -1);
}

async function resetSequences(target: pg.Client): Promise<void> {
  const { rows } = await target.query<{ table_name: string; column_name: string; sequence: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> $1
        AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL`,
    [BOOKKEEPING],
  );
  for (const { table_name: table, column_name: column, sequence } of rows) {
    await target.query(`SELECT setval($1, COALESCE((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`, [sequence]);
  }
}
