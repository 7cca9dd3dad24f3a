import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresPrismaClient } from './generated/postgres/client';
import { PrismaClient } from './generated/sqlite/client';
import { DEFAULT_DATABASE_URL, engineOf, sqliteFilePath, type DatabaseEngine } from './engine';
import { ensurePrivateFile } from './private-file';

/**
 * One client type for the whole code base. Both generated clients come from the same
 * schema and differ only in their provider, so the PostgreSQL client is used through the
 * SQLite client's type; only portable query features are used anywhere.
 */
export type Database = PrismaClient;
export type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

/** How long a SQLite connection waits for another writer's lock before reporting busy. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * FULL: every commit is on disk before it is acknowledged, so nothing committed is lost even
 * to a power cut (better-sqlite3's WAL default, NORMAL, survives process crashes only).
 */
export const SQLITE_SYNCHRONOUS = 'FULL';

/**
 * WAL pages after which a commit copies the log back into the database file (SQLite's default
 * is 1000, 4 MB). A 1000-movement batch dirties about 900 pages (each index of the ledger keyed
 * by product gains a page or more per product), so at the default every such commit ran a
 * checkpoint of its own, with its fsyncs, on the request's thread. At 10,000 (a WAL file of
 * about 40 MB) a checkpoint comes once per ~11 batches and writes each page once however often
 * it changed meanwhile: ~15 ms less per 1000-movement request. Durability is unchanged: every
 * commit is still fsynced in the WAL.
 */
const SQLITE_WAL_AUTOCHECKPOINT_PAGES = 10_000;

interface DatabaseHandle {
  url: string;
  engine: DatabaseEngine;
  client: Database;
}

const globalForDatabase = globalThis as unknown as { stockroomDatabase?: DatabaseHandle };

function createClient(url: string, engine: DatabaseEngine): Database {
  if (engine === 'postgresql') {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
  }
  const path = sqliteFilePath(url);
  // Owner-only, like its -wal and -shm files after it (lib/db/private-file.ts).
  ensurePrivateFile(path);
  const client = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS }),
  });
  // The adapter keeps one connection per client, so a connection-level pragma set now holds for
  // its life; it is the first statement the connection receives.
  client.$executeRawUnsafe(`PRAGMA synchronous = ${SQLITE_SYNCHRONOUS}`).catch((error: unknown) => {
    console.error('Could not set PRAGMA synchronous', error);
  });
  client.$executeRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_WAL_AUTOCHECKPOINT_PAGES}`).catch((error: unknown) => {
    console.error('Could not set PRAGMA wal_autocheckpoint', error);
  });
  return client;
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

function handle(): DatabaseHandle {
  const url = databaseUrl();
  const current = globalForDatabase.stockroomDatabase;
  if (current && current.url === url) return current;
  const engine = engineOf(url);
  const created = { url, engine, client: createClient(url, engine) };
  globalForDatabase.stockroomDatabase = created;
  return created;
}

/** The process-wide Prisma client for DATABASE_URL (kept across hot reloads in development). */
export function db(): Database {
  return handle().client;
}

export function databaseEngine(): DatabaseEngine {
  return handle().engine;
}

export async function disconnectDatabase(): Promise<void> {
  const current = globalForDatabase.stockroomDatabase;
  globalForDatabase.stockroomDatabase = undefined;
  await current?.client.$disconnect();
}
