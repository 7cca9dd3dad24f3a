import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { BackupError, postgresToolArguments, requirePostgresTool, runTool } from './backup-tools';
import { engineOf, sqliteFilePath, type DatabaseEngine } from './engine';
import { ensurePrivateFile } from './private-file';

export interface BackupResult {
  engine: DatabaseEngine;
  file: string;
  bytes: number;
  milliseconds: number;
}

/**
 * A consistent copy of the database `url` names, taken while the server keeps serving.
 *
 * SQLite: `VACUUM INTO` reads the whole database inside one read transaction, so the copy is
 * one moment's state; in WAL mode writers go on meanwhile. (The online backup API restarts
 * whenever another connection writes, so under steady traffic it may never finish.)
 * PostgreSQL: pg_dump's custom format, also one snapshot, restored by pg_restore.
 * The copy is written beside `file` and renamed into place, so a half-written backup never
 * carries the final name; an existing file is refused rather than overwritten.
 */
export async function backupDatabase({ url, file }: { url: string; file: string }): Promise<BackupResult> {
  const engine = engineOf(url);
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name (a backup never overwrites one).`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // The backup holds everything the database does: owner-only, like the database itself.
  ensurePrivateFile(partial);
  const started = performance.now();
  try {
    if (engine === 'sqlite') backupSqlite(url, partial);
    else await backupPostgres(url, partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { engine, file: target, bytes: statSync(target).size, milliseconds: Math.round(performance.now() - started) };
}

function backupSqlite(url: string, partial: string): void {
  const path = sqliteFilePath(url);
  if (!existsSync(path)) throw new BackupError(`There is no SQLite database at ${path}.`);
  // VACUUM INTO wants to create its file itself.
  rmSync(partial);
  const database = new Sqlite(path, { readonly: true, fileMustExist: true, timeout: 15_000 });
  try {
    database.prepare('VACUUM INTO ?').run(partial);
  } finally {
    database.close();
  }
  // VACUUM INTO creates the file with the default mode; a backup holds what the database does.
  chmodSync(partial, 0o600);
}

async function backupPostgres(url: string, partial: string): Promise<void> {
  const pgDump = requirePostgresTool('pg_dump');
  const { connection, env } = postgresToolArguments(url);
  await runTool(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${connection}`], env);
}
