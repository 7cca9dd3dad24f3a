import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { disconnectDatabase } from '@/lib/db/client';

/**
 * Runs before each integration test file's imports: points DATABASE_URL at a database of the
 * file's own, copied from the run's migrated template (setup/global-setup.ts explains the
 * approach), and removes it when the file ends. Tests in one file share that database, so they
 * create their own rows with unique values.
 */
const template = inject('stockroomTemplate');
const prefix = inject('stockroomRunPrefix');
const unique = randomUUID().replaceAll('-', '').slice(0, 16);

if (process.env.TEST_ENGINE === 'postgresql') {
  const adminUrl = process.env.TEST_POSTGRES_URL as string;
  const database = `${prefix}${unique}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    await disconnectDatabase();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  });
} else {
  const file = `${prefix}${unique}.db`;
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    await disconnectDatabase();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });
}
