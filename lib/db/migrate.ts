import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { engineOf, sqliteFilePath, type DatabaseEngine } from './engine';
import { foldNameKeys } from './fold-name-keys';
import { ensurePrivateFile } from './private-file';

/**
 * Applies the project's SQL migrations offline, on either engine. Prisma's migration engine
 * is a native binary that cannot be downloaded on these machines, so this runner keeps
 * Prisma's folder layout and its `_prisma_migrations` bookkeeping (same table, same SHA-256
 * checksums), so that `prisma migrate status` agrees wherever Prisma's engine is available.
 * Each migration runs in its own transaction; an applied migration whose file was edited
 * since, or one that failed half-way, stops the run with a clear message.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  engine: DatabaseEngine;
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

const MIGRATIONS_DIR: Record<DatabaseEngine, string> = {
  sqlite: 'prisma/migrations',
  postgresql: 'prisma/postgres/migrations',
};

const SQLITE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface DataStatement {
  /** With `?` placeholders on both engines. */
  sql: string;
  parameters: unknown[];
}

/**
 * Work a migration needs that SQL cannot do alike on both engines (Unicode case folding): it
 * reads with `queries`, and `statements` turns what they returned into the writes. Both run
 * right after that migration's SQL in the same transaction, so the migration is applied whole
 * or not at all. Plain data in and out keeps the SQLite path synchronous: a second migrator in
 * the same process blocks on SQLite's lock, and must not do so while the first awaits.
 * Prisma's own `migrate deploy` would run the SQL alone, so a database migrated that way must
 * be migrated by this runner instead (its name keys would be folded for ASCII only).
 */
export interface DataStep {
  queries: string[];
  statements: (results: unknown[][]) => DataStatement[];
}

const DATA_STEPS: Record<string, DataStep> = {
  '20261207100000_name_keys': foldNameKeys,
};

/** An arbitrary constant: the advisory lock that keeps two migrators from racing on PostgreSQL. */
const POSTGRES_MIGRATION_LOCK = 7_265_713;

export function readMigrations(engine: DatabaseEngine, root = process.cwd()): Migration[] {
  const dir = join(root, MIGRATIONS_DIR[engine]);
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** What must be applied, or why nothing may be: edited or failed migrations stop the run. */
export function planMigrations(migrations: Migration[], applied: AppliedRow[]): Migration[] {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const done = new Set<string>();
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but did not finish. Inspect the database, then mark it rolled back.`,
      );
    }
    const migration = byName.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(`Migration ${row.migration_name} is applied to the database but missing from this checkout.`);
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied. Restore the original file and add a new migration instead.`,
      );
    }
    done.add(row.migration_name);
  }
  return migrations.filter((migration) => !done.has(migration.name));
}

export async function migrate({ url, root = process.cwd() }: { url: string; root?: string }): Promise<MigrateResult> {
  const engine = engineOf(url);
  const migrations = readMigrations(engine, root);
  return engine === 'sqlite' ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const path = sqliteFilePath(url);
  ensurePrivateFile(path);
  const database = new Sqlite(path, { timeout: 15_000 });
  try {
    // WAL lets readers run beside the single writer; it is a property of the file and persists.
    database.pragma('journal_mode = WAL');
    database.exec(SQLITE_BOOKKEEPING);
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (;;) {
      // BEGIN IMMEDIATE takes the write lock first, so a second migrator waits, then re-plans.
      database.exec('BEGIN IMMEDIATE');
      try {
        const rows = database.prepare('SELECT * FROM "_prisma_migrations" ORDER BY "started_at"').all() as AppliedRow[];
        const pending = planMigrations(migrations, rows);
        if (applied.length === 0) alreadyApplied = migrations.length - pending.length;
        const next = pending[0];
        if (!next) {
          database.exec('COMMIT');
          return { engine: 'sqlite', applied, alreadyApplied };
        }
        const startedAt = new Date().toISOString();
        database.exec(next.sql);
        const step = DATA_STEPS[next.name];
        if (step) {
          const results = step.queries.map((query) => database.prepare(query).all());
          for (const { sql, parameters } of step.statements(results)) database.prepare(sql).run(...parameters);
        }
        database
          .prepare(
            'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)',
          )
          .run(randomUUID(), next.checksum, new Date().toISOString(), next.name, startedAt);
        database.exec('COMMIT');
        applied.push(next.name);
      } catch (error) {
        if (database.inTransaction) database.exec('ROLLBACK');
        throw error;
      }
    }
  } finally {
    database.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [POSTGRES_MIGRATION_LOCK]);
    await client.query(POSTGRES_BOOKKEEPING);
    const { rows } = await client.query<AppliedRow>('SELECT * FROM "_prisma_migrations" ORDER BY "started_at"');
    const pending = planMigrations(migrations, rows);
    const applied: string[] = [];
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        const startedAt = new Date();
        await client.query(migration.sql);
        const step = DATA_STEPS[migration.name];
        if (step) {
          const results: unknown[][] = [];
          for (const query of step.queries) results.push((await client.query(query)).rows);
          for (const { sql, parameters } of step.statements(results)) await client.query(numbered(sql), parameters);
        }
        await client.query(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)',
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return { engine: 'postgresql', applied, alreadyApplied: migrations.length - pending.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [POSTGRES_MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (data steps write no `?` inside literals). */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}
