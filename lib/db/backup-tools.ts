import { spawn, spawnSync } from 'node:child_process';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { readMigrations } from './migrate';

/** A backup or restore that cannot go ahead, with a sentence saying why and what to do. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * pg_dump and pg_restore take the password from the environment rather than the command line,
 * where every user of the machine could read it in the process list.
 */
export function postgresToolArguments(url: string): { connection: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { connection: parsed.toString(), env };
}

/** The named PostgreSQL client tool, or a BackupError naming the package to install. */
export function requirePostgresTool(tool: 'pg_dump' | 'pg_restore'): string {
  const found = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new BackupError(
      `${tool} is not on PATH. Install the PostgreSQL client tools of the server's major version or newer ` +
        '(Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq; the postgres Docker image has them).',
    );
  }
  return tool;
}

/** Runs a PostgreSQL client tool; its stderr becomes the error message when it fails. */
export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * Rows the migrations themselves insert (the default location), per table: a database holding
 * no more than these holds no data of its own. Counted by applying the SQLite migrations to a
 * database in memory, so the answer follows the migrations; both engines' seed the same rows.
 */
function seededRowCounts(): Map<string, number> {
  const database = new Sqlite(':memory:');
  try {
    for (const migration of readMigrations('sqlite')) database.exec(migration.sql);
    return new Map(tableNames(database).map((name) => [name, countRows(database, name)]));
  } finally {
    database.close();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function tableNames(database: Sqlite.Database): string[] {
  const tables = database
    .prepare(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" <> '_prisma_migrations'`)
    .all() as { name: string }[];
  return tables.map((table) => table.name);
}

function countRows(database: Sqlite.Database, name: string): number {
  return (database.prepare(`SELECT COUNT(*) AS "n" FROM ${quoted(name)}`).get() as { n: number }).n;
}

/** The application's tables holding more rows than the migrations put there. */
export function sqliteTablesWithData(database: Sqlite.Database): string[] {
  const seeded = seededRowCounts();
  return tableNames(database).filter((name) => countRows(database, name) > (seeded.get(name) ?? 0));
}

export async function postgresTablesWithData(client: pg.Client): Promise<string[]> {
  const seeded = seededRowCounts();
  const { rows } = await client.query<{ name: string }>(
    `SELECT "table_name" AS "name" FROM "information_schema"."tables"
      WHERE "table_schema" = current_schema() AND "table_type" = 'BASE TABLE' AND "table_name" <> '_prisma_migrations'`,
  );
  const withData: string[] = [];
  for (const { name } of rows) {
    const count = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS "n" FROM ${quoted(name)}`)).rows[0]?.n ?? 0);
    if (count > (seeded.get(name) ?? 0)) withData.push(name);
  }
  return withData;
}
