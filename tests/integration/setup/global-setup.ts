import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/lib/db/migrate';

/**
 * How integration tests get their database (the reset approach):
 *
 * - Once per run and engine, this global setup builds a template database migrated from empty
 *   by lib/db/migrate.ts: on SQLite a file under tests/.tmp/run-<pid>-<key>/, on PostgreSQL a
 *   database `stockroom_test_<key>_tpl` created from the server named by TEST_POSTGRES_URL.
 * - Each test FILE then gets a fresh copy before its imports run (setup/per-file.ts): a copied
 *   SQLite file, or `CREATE DATABASE ... TEMPLATE` on PostgreSQL. Files run in parallel and
 *   never see each other's rows; the copy is removed when the file ends.
 * - Tests inside one file share that database: they create their own rows with unique values
 *   (SKUs, emails) and never assume an empty table beyond what the migrations seed.
 *
 * Several runs may share this working tree and this PostgreSQL server at once, so every run
 * names its databases after its own key and removes only what a finished run left behind: a
 * SQLite run directory whose process is gone, or a PostgreSQL database whose run no longer
 * holds its advisory lock.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: the migrated template file. PostgreSQL: the template database's name. */
    stockroomTemplate: string;
    /** Prefix for this run's per-file databases (PostgreSQL) or files (SQLite). */
    stockroomRunPrefix: string;
  }
}

const TMP_DIR = join(process.cwd(), 'tests/.tmp');
/** classid of the advisory locks that mark a run's PostgreSQL databases as in use. */
const RUN_LOCK_CLASS = 7_265_714;
const TEST_DATABASE = /^stockroom_test_(\d+)_/;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.config.env?.TEST_ENGINE === 'postgresql') return preparePostgres(project);
  if (!process.env.TEST_POSTGRES_URL) {
    console.log('\nPostgreSQL integration run SKIPPED: TEST_POSTGRES_URL is not set (the suite ran on SQLite only).\n');
  }
  return prepareSqlite(project);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function prepareSqlite(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const entry of readdirSync(TMP_DIR)) {
    const path = join(TMP_DIR, entry);
    const run = /^run-(\d+)-/.exec(entry);
    if (run ? !isAlive(Number(run[1])) : Date.now() - statSync(path).mtimeMs > 60 * 60 * 1000) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  const runDir = join(TMP_DIR, `run-${process.pid}-${randomInt(1e9)}`);
  mkdirSync(runDir);
  const template = join(runDir, 'template.db');
  await migrate({ url: `file:${template}` });
  project.provide('stockroomTemplate', template);
  project.provide('stockroomRunPrefix', join(runDir, 'file-'));
  return async () => rmSync(runDir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Connects to the server, starting the local PostgreSQL 15 cluster once if it is down. */
async function connectAdmin(url: string): Promise<pg.Client> {
  const attempt = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  };
  try {
    return await attempt();
  } catch (error) {
    const local = ['localhost', '127.0.0.1', '::1', '[::1]'].includes(new URL(url).hostname);
    if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || !local || !existsSync('/usr/bin/pg_ctlcluster')) throw error;
    console.log('PostgreSQL is not running: starting the local cluster (pg_ctlcluster 15 main start).');
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start'], { stdio: 'inherit' });
    return attempt();
  }
}

async function preparePostgres(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_POSTGRES_URL as string;
  const runKey = randomInt(1, 2 ** 31 - 1);
  const prefix = `stockroom_test_${runKey}_`;
  const template = `${prefix}tpl`;
  // Held for the whole run: while this session lives, other runs leave our databases alone.
  const lockHolder = await connectAdmin(adminUrl);
  await lockHolder.query('SELECT pg_advisory_lock($1, $2)', [RUN_LOCK_CLASS, runKey]);

  const { rows: databases } = await lockHolder.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'stockroom\\_test\\_%'");
  const { rows: locks } = await lockHolder.query<{ objid: string }>(
    "SELECT objid::text FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND objsubid = 2 AND granted",
    [RUN_LOCK_CLASS],
  );
  const liveRuns = new Set(locks.map((lock) => Number(lock.objid)));
  for (const { datname } of databases) {
    const run = TEST_DATABASE.exec(datname);
    if (run && liveRuns.has(Number(run[1]))) continue;
    await lockHolder.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }

  await lockHolder.query(`CREATE DATABASE "${template}"`);
  await migrate({ url: withDatabase(adminUrl, template) });
  project.provide('stockroomTemplate', template);
  project.provide('stockroomRunPrefix', prefix);

  return async () => {
    try {
      const { rows } = await lockHolder.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
      for (const { datname } of rows) await lockHolder.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await lockHolder.end();
    }
  };
}
