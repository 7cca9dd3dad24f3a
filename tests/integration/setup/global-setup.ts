import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/lib/db/migrate';

/**
 * Once per run and engine: a migrated template database. Each test file then copies it
 * (tests/integration/setup/per-file.ts), so every file starts from a fresh, migrated,
 * empty database and files run in parallel without seeing each other's rows.
 */
export const TEMPLATE_DIR = join(process.cwd(), 'tests/.tmp');
export const POSTGRES_TEMPLATE = 'stockroom_test_template';

export default async function setup(project: TestProject): Promise<void> {
  const engine = project.config.env?.TEST_ENGINE;
  if (engine === 'postgresql') {
    await preparePostgres();
    return;
  }
  if (!process.env.TEST_POSTGRES_URL) {
    console.log('\nPostgreSQL integration run SKIPPED: TEST_POSTGRES_URL is not set (the suite ran on SQLite only).\n');
  }
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  await migrate({ url: `file:${join(TEMPLATE_DIR, 'template.db')}` });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function preparePostgres(): Promise<void> {
  const adminUrl = process.env.TEST_POSTGRES_URL as string;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'stockroom_test_%'");
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${POSTGRES_TEMPLATE}"`);
  } finally {
    await admin.end();
  }
  await migrate({ url: withDatabase(adminUrl, POSTGRES_TEMPLATE) });
}
