import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { disconnectDatabase } from '@/lib/db/client';

/**
 * Runs before each integration test file's imports: points DATABASE_URL at a database of
 * the file's own, copied from the migrated template, and removes it afterwards. Tests in one
 * file share that database, so they create their own rows with unique values.
 */
const TEMPLATE_DIR = join(process.cwd(), 'tests/.tmp');
const POSTGRES_TEMPLATE = 'stockroom_test_template';
const unique = `${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;

if (process.env.TEST_ENGINE === 'postgresql') {
  const adminUrl = process.env.TEST_POSTGRES_URL as string;
  const database = `stockroom_test_${unique}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${POSTGRES_TEMPLATE}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    await disconnectDatabase();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  });
} else {
  const file = join(TEMPLATE_DIR, `file-${unique}.db`);
  copyFileSync(join(TEMPLATE_DIR, 'template.db'), file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    await disconnectDatabase();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });
}
