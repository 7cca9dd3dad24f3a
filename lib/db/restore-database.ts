import { chmodSync, copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { BackupError, postgresTablesWithData, postgresToolArguments, requirePostgresTool, runTool, sqliteTablesWithData } from './backup-tools';
import { engineOf, sqliteFilePath, type DatabaseEngine } from './engine';
import { migrate } from './migrate';
import { ensurePrivateFile } from './private-file';

export interface RestoreResult {
  engine: DatabaseEngine;
  /** Migrations newer than the backup, applied after restoring it. */
  migrated: string[];
}

/**
 * Restores a backup made by backupDatabase into the database `url` names, which must hold no
 * data (a database with only its schema, or none yet, is fine), then applies any migrations
 * newer than the backup. The caller checks the ledger afterwards (scripts/db-restore.ts).
 */
export async function restoreDatabase({ url, file }: { url: string; file: string }): Promise<RestoreResult> {
  const engine = engineOf(url);
  const source = resolve(file);
  if (!existsSync(source) || statSync(source).size === 0) throw new BackupError(`There is no backup at ${source}.`);
  if (engine === 'sqlite') restoreSqlite(url, source);
  else await restorePostgres(url, source);
  const { applied } = await migrate({ url });
  return { engine, migrated: applied };
}

function refuseData(tables: string[], where: string): void {
  if (tables.length === 0) return;
  throw new BackupError(
    `${where} holds data (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', ...' : ''}): restore only into an empty database, so nothing is overwritten.`,
  );
}

function restoreSqlite(url: string, source: string): void {
  const path = sqliteFilePath(url);
  if (existsSync(path) && statSync(path).size > 0) {
    const current = new Sqlite(path, { readonly: true, fileMustExist: true });
    try {
      refuseData(sqliteTablesWithData(current), path);
    } finally {
      current.close();
    }
  }
  const check = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    if (check.pragma('integrity_check', { simple: true }) !== 'ok') throw new BackupError(`${source} is not an intact SQLite database.`);
  } finally {
    check.close();
  }
  // The empty database's own journal files would be replayed over the restored one.
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  ensurePrivateFile(path);
  copyFileSync(source, path);
  // copyFileSync gives the copy the backup's mode: the live database stays owner-only.
  chmodSync(path, 0o600);
}

async function restorePostgres(url: string, source: string): Promise<void> {
  const pgRestore = requirePostgresTool('pg_restore');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    refuseData(await postgresTablesWithData(client), 'The PostgreSQL database');
  } finally {
    await client.end();
  }
  const { connection, env } = postgresToolArguments(url);
  // --clean --if-exists replaces an empty schema a first start may have created; one
  // transaction means a failed restore leaves the database as it was.
  await runTool(
    pgRestore,
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${connection}`, source],
    env,
  );
}
