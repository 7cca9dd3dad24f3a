import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '@/lib/db/backup-database';
import { BackupError } from '@/lib/db/backup-tools';
import { databaseUrl } from '@/lib/db/client';
import { engineOf, sqliteFilePath } from '@/lib/db/engine';
import { migrate } from '@/lib/db/migrate';
import { restoreDatabase } from '@/lib/db/restore-database';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { makeUser, newProduct } from './catalog-fixtures';

/**
 * `npm run db:backup` and `npm run db:restore` as an operator runs them (the scripts, in their
 * own processes, once): a populated database round-trips into an empty one with the same rows and a
 * clean ledger, and a restore into a database that holds data is refused.
 */
const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'stockroom-backup-'));
const extraDatabases: string[] = [];

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (extraDatabases.length === 0) return;
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  for (const name of extraDatabases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function script(name: 'db-backup' | 'db-restore', file: string, url: string) {
  return run(join(process.cwd(), 'node_modules/.bin/tsx'), [`scripts/${name}.ts`, file], { env: { ...process.env, DATABASE_URL: url } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** A new empty database on the same engine as this file's. */
async function emptyDatabase(): Promise<string> {
  const url = databaseUrl();
  if (engineOf(url) === 'sqlite') return `file:${join(folder, `${randomUUID()}.db`)}`;
  const name = `stockroom_restore_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  extraDatabases.push(name);
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const FINGERPRINT = [
  'SELECT COUNT(*) AS n FROM "users"',
  'SELECT COUNT(*) AS n FROM "products"',
  'SELECT COUNT(*) AS n FROM "stock_movements"',
  'SELECT COALESCE(SUM("quantity" * "id"), 0) AS n FROM "stock_movements"',
  'SELECT COALESCE(SUM("on_hand" * "product_id"), 0) AS n FROM "stock_levels"',
];

/** Row counts and weighted sums that differ if any row was lost, added or changed. */
async function fingerprint(url: string): Promise<string[]> {
  if (engineOf(url) === 'sqlite') {
    const database = new Sqlite(sqliteFilePath(url), { readonly: true });
    try {
      return FINGERPRINT.map((sql) => String((database.prepare(sql).get() as { n: number }).n));
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const values: string[] = [];
    for (const sql of FINGERPRINT) values.push(String((await client.query<{ n: string }>(sql)).rows[0]?.n));
    return values;
  } finally {
    await client.end();
  }
}

async function populate(): Promise<void> {
  const actorId = await makeUser('MANAGER');
  for (let index = 0; index < 3; index += 1) {
    const product = await newProduct({ reorderLevel: 5, cost: '2.00' }, actorId);
    await postMovements({
      actorId,
      movements: [
        movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 20 + index, unitCost: '2.50' }),
        movementInputSchema.parse({ productId: product.id, type: 'SHIPMENT', quantity: 3 }),
      ],
    });
  }
}

describe('db:backup and db:restore', () => {
  it('as scripts, round-trip a populated database into an empty one, ledger verified, and refuse a database that holds data', { timeout: 90_000 }, async () => {
    await populate();
    const source = databaseUrl();
    const file = join(folder, 'shop.backup');

    const backup = await script('db-backup', file, source);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backed up the (sqlite|postgresql) database/);
    // A backup holds what the database does: owner-only, as the database file is.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(backupDatabase({ url: source, file })).rejects.toThrow(/already exists/);

    const target = await emptyDatabase();
    const restore = await script('db-restore', file, target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Ledger verified');
    if (engineOf(target) === 'sqlite') expect(statSync(sqliteFilePath(target)).mode & 0o777).toBe(0o600);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    expect(Number((await fingerprint(target))[2])).toBeGreaterThanOrEqual(6);

    await expect(restoreDatabase({ url: source, file })).rejects.toThrow(BackupError);
    await expect(restoreDatabase({ url: source, file })).rejects.toThrow(/holds data \(.*products/);
  });

  it('restores into a database that has only its schema (a first start migrated it)', { timeout: 60_000 }, async () => {
    const file = join(folder, 'again.backup');
    await backupDatabase({ url: databaseUrl(), file });
    const target = await emptyDatabase();
    await migrate({ url: target });
    await restoreDatabase({ url: target, file });
    expect(await fingerprint(target)).toEqual(await fingerprint(databaseUrl()));
  });
});
