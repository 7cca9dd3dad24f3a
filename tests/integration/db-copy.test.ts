import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/create-api-token';
import { databaseUrl, disconnectDatabase } from '@/lib/db/client';
import { copySqliteToPostgres, CopyError } from '@/lib/db/copy-sqlite-to-postgres';
import { engineOf, sqliteFilePath } from '@/lib/db/engine';
import { migrate } from '@/lib/db/migrate';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { makeUser, newProduct } from './catalog-fixtures';

/**
 * `npm run db:copy`, the way a growing shop moves from SQLite to PostgreSQL. The round trip
 * needs both engines: it runs in the SQLite project (whose database is the source) when
 * TEST_POSTGRES_URL names a server. The PostgreSQL project checks the refusal of a target that
 * already holds data (its own database is then the target).
 */
const run = promisify(execFile);
const postgresServer = process.env.TEST_POSTGRES_URL;
const folder = mkdtempSync(join(tmpdir(), 'stockroom-copy-'));
const extraDatabases: string[] = [];

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (extraDatabases.length === 0) return;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  for (const name of extraDatabases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function emptyPostgresDatabase(): Promise<string> {
  const name = `stockroom_copy_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  extraDatabases.push(name);
  const url = new URL(postgresServer as string);
  url.pathname = `/${name}`;
  return url.toString();
}

async function populate(): Promise<void> {
  const actorId = await makeUser('MANAGER');
  await createApiToken({ userId: actorId, name: 'copied token', scope: 'read', expiresInDays: 30 });
  for (let index = 0; index < 4; index += 1) {
    const product = await newProduct({ reorderLevel: 10, cost: '2.00' }, actorId);
    await postMovements({
      actorId,
      movements: [
        movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 20 + index, unitCost: '2.37' }),
        movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 5, unitCost: '3.11' }),
        // Below the reorder level for the even ones: copied alerts must still match the ledger.
        movementInputSchema.parse({ productId: product.id, type: 'SHIPMENT', quantity: index % 2 === 0 ? 18 : 3 }),
      ],
    });
  }
}

type Row = Record<string, unknown>;

/** Every row of every table, each value in one comparable form (instants as epoch ms, booleans and integers as numbers). */
function sqliteContents(path: string, tables: string[]): Record<string, Row[]> {
  const database = new Sqlite(path, { readonly: true });
  try {
    return Object.fromEntries(tables.map((table) => [table, sorted((database.prepare(`SELECT * FROM "${table}"`).all() as Row[]).map(comparable))]));
  } finally {
    database.close();
  }
}

async function postgresContents(url: string, tables: string[]): Promise<Record<string, Row[]>> {
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: () => (text: string) => text } });
  await client.connect();
  try {
    const contents: Record<string, Row[]> = {};
    for (const table of tables) contents[table] = sorted((await client.query<Row>(`SELECT * FROM "${table}"`)).rows.map(comparable));
    return contents;
  } finally {
    await client.end();
  }
}

/** Rows in one order on both sides, whatever their keys: by their comparable form, columns sorted. */
function sorted(rows: Row[]): Row[] {
  const key = (row: Row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

function comparable(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => {
      if (value === null || value === undefined) return [column, null];
      if (value === 't' || value === 'f') return [column, value === 't' ? 1 : 0];
      const text = String(value);
      if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/.test(text)) return [column, Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`)];
      if (/^-?\d+$/.test(text)) return [column, Number(text)];
      return [column, text];
    }),
  );
}

function tablesOf(path: string): string[] {
  const database = new Sqlite(path, { readonly: true });
  try {
    return (database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
  } finally {
    database.close();
  }
}

describe('db:copy from SQLite to PostgreSQL', () => {
  if (engineOf(databaseUrl()) === 'sqlite') {
    it('refuses a target that is not PostgreSQL and a SQLite file that lacks migrations, before touching anything', async () => {
      await expect(copySqliteToPostgres({ sqlitePath: sqliteFilePath(databaseUrl()), postgresUrl: 'file:./elsewhere.db' })).rejects.toThrow(CopyError);
      const stale = join(folder, 'stale.db');
      new Sqlite(stale).close();
      await expect(copySqliteToPostgres({ sqlitePath: stale, postgresUrl: 'postgresql://nobody@127.0.0.1:1/none' })).rejects.toThrow(/not a Stockroom database/);
    });

    if (postgresServer) {
      it('as the script, copies every row of every table exactly, both ledgers verify, and the copy takes new movements', { timeout: 120_000 }, async () => {
        await populate();
        const source = sqliteFilePath(databaseUrl());
        await disconnectDatabase();
        const target = await emptyPostgresDatabase();

        const { stdout, stderr } = await run(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/db-copy.ts', source], { env: { ...process.env, DATABASE_URL: target } });
        expect(stderr).toBe('');
        expect(stdout).toContain('ledger verified on SQLite');
        expect(stdout).toContain('ledger verified on PostgreSQL');
        expect(stdout).toMatch(/row counts match and both ledgers verify/);

        const tables = tablesOf(source);
        const copied = await postgresContents(target, tables);
        expect(copied).toEqual(sqliteContents(source, tables));
        expect(copied.stock_movements?.length).toBe(12);
        expect(copied.inventory_alerts?.length).toBeGreaterThanOrEqual(2);

        const sourceUrl = process.env.DATABASE_URL;
        process.env.DATABASE_URL = target;
        try {
          const product = copied.products?.[0] as { id: number };
          const actor = copied.users?.[0] as { id: number };
          const posted = await postMovements({ actorId: actor.id, movements: [movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 7, unitCost: '1.00' })] });
          expect(posted.answer.data[0]?.id).toBe(13);
          expect((await verifyLedger()).discrepancies).toEqual([]);
        } finally {
          await disconnectDatabase();
          process.env.DATABASE_URL = sourceUrl;
        }

      });
    } else {
      console.log('db:copy round trip SKIPPED: TEST_POSTGRES_URL is not set (it needs a PostgreSQL server).');
    }
  } else {
    it('refuses a PostgreSQL database that already holds a shop, and leaves it as it was', { timeout: 60_000 }, async () => {
      await populate();
      const before = (await verifyLedger()).checkedLevels;
      const source = join(folder, 'fresh.db');
      await migrate({ url: `file:${source}` });
      await expect(copySqliteToPostgres({ sqlitePath: source, postgresUrl: databaseUrl() })).rejects.toThrow(/already holds data \(table users\)/);
      expect((await verifyLedger()).checkedLevels).toBe(before);
    });
  }
});
