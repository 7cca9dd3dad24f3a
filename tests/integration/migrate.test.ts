import { randomUUID } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, db } from '@/lib/db/client';
import { sqliteFilePath } from '@/lib/db/engine';
import { migrate, MigrationError, readMigrations } from '@/lib/db/migrate';
import { formatAverageCost, receive } from '@/lib/inventory/moving-average';
import { engineName } from './helpers';

/**
 * lib/db/migrate.ts on the engine under test. Tests that change the bookkeeping work on empty
 * databases of their own; tests that only read it use this file's migrated database.
 */
const engine = engineName();
const MIGRATIONS = engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations';
const projectMigrations = readMigrations(engine).map((migration) => migration.name);

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

/** A copy of the project's migrations in a temporary root, free to be tampered with. */
function migrationsCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'stockroom-migrations-'));
  cpSync(join(process.cwd(), 'prisma'), join(root, 'prisma'), { recursive: true });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Adds a migration folder to a copied root. */
function addMigration(root: string, name: string, sql: string): void {
  cpSync(join(root, MIGRATIONS, projectMigrations[0] as string), join(root, MIGRATIONS, name), { recursive: true });
  writeFileSync(join(root, MIGRATIONS, name, 'migration.sql'), sql);
}

/** A new database with no tables at all, removed after the file. */
async function emptyDatabase(): Promise<string> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'stockroom-empty-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return `file:${join(dir, 'empty.db')}`;
  }
  const adminUrl = process.env.TEST_POSTGRES_URL as string;
  // Named with this run's prefix, so the run's teardown removes it even if this file crashes.
  const name = `${inject('stockroomRunPrefix')}${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await sql(adminUrl, `CREATE DATABASE "${name}"`);
  cleanups.push(() => sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on a database other than this file's (the Prisma client is bound to DATABASE_URL). */
async function sql<Row = Record<string, unknown>>(url: string, statement: string, parameters: unknown[] = []): Promise<Row[]> {
  if (url.startsWith('file:')) {
    const database = new Sqlite(sqliteFilePath(url));
    try {
      const prepared = database.prepare(statement);
      return prepared.reader ? (prepared.all(...parameters) as Row[]) : (prepared.run(...parameters), []);
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, parameters)).rows as Row[];
  } finally {
    await client.end();
  }
}

const placeholders = (count: number) => Array.from({ length: count }, (_, index) => (engine === 'sqlite' ? '?' : `$${index + 1}`)).join(', ');

async function bookkeeping(url: string) {
  return sql<{ migration_name: string; checksum: string; finished_at: unknown }>(url, 'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
}

describe(`the migration runner (npm run db:migrate) on ${engine}`, () => {
  it('migrates an empty database, then applies nothing the second time', async () => {
    const url = await emptyDatabase();
    const first = await migrate({ url });
    expect(first).toEqual({ engine, applied: projectMigrations, alreadyApplied: 0 });
    const second = await migrate({ url });
    expect(second).toEqual({ engine, applied: [], alreadyApplied: projectMigrations.length });
    expect((await bookkeeping(url)).map((row) => row.migration_name)).toEqual(projectMigrations);
  });

  it('applies nothing to this file’s database, which the test setup migrated', async () => {
    const result = await migrate({ url: databaseUrl() });
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(projectMigrations.length);
  });

  it('lets two migrators race on one empty database: every migration is applied exactly once', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate({ url }), migrate({ url })]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(projectMigrations);
    expect((await bookkeeping(url)).map((row) => row.migration_name)).toEqual(projectMigrations);
  });

  it('refuses to run when an applied migration file was edited, and changes nothing', async () => {
    const root = migrationsCopy();
    appendFileSync(join(root, MIGRATIONS, projectMigrations[0] as string, 'migration.sql'), '\n-- an innocent-looking edit\n');
    addMigration(root, '29991231000000_after_the_edit', 'CREATE TABLE "after_the_edit" ("id" INTEGER PRIMARY KEY);\n');
    const before = await bookkeeping(databaseUrl());

    const error = await migrate({ url: databaseUrl(), root }).then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(new RegExp(`${projectMigrations[0]} was edited`));
    expect(await bookkeeping(databaseUrl())).toEqual(before);
  });

  it('refuses to run while a migration is recorded as started but unfinished, until it is marked rolled back', async () => {
    const url = await emptyDatabase();
    await migrate({ url });
    const root = migrationsCopy();
    const name = '29991231000002_half_applied';
    addMigration(root, name, 'CREATE TABLE "half_applied" ("id" INTEGER PRIMARY KEY);\n');
    // What a crash mid-migration leaves behind (as Prisma records it): a row without finished_at.
    const id = randomUUID();
    await sql(url, `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (${placeholders(4)}, 0)`, [
      id,
      readMigrations(engine, root).find((migration) => migration.name === name)?.checksum,
      name,
      new Date().toISOString(),
    ]);

    const error = await migrate({ url, root }).then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(new RegExp(`${name} started but did not finish`));

    // `prisma migrate resolve --rolled-back` marks it; then the migration is applied afresh.
    await sql(url, `UPDATE "_prisma_migrations" SET "rolled_back_at" = ${engine === 'sqlite' ? "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')" : 'now()'} WHERE "id" = ${placeholders(1)}`, [id]);
    expect((await migrate({ url, root })).applied).toEqual([name]);
    expect((await bookkeeping(url)).filter((row) => row.migration_name === name && row.finished_at !== null)).toHaveLength(1);
  });

  it('refuses a database that has a migration this checkout does not know', async () => {
    const url = await emptyDatabase();
    const root = migrationsCopy();
    const name = '29991231000003_from_a_newer_checkout';
    addMigration(root, name, 'CREATE TABLE "from_a_newer_checkout" ("id" INTEGER PRIMARY KEY);\n');
    expect((await migrate({ url, root })).applied).toEqual([...projectMigrations, name]);
    await expect(migrate({ url })).rejects.toThrow(new RegExp(`${name} is applied to the database but missing from this checkout`));
  });

  it('applies a new migration once, in a transaction, and records it with its checksum', async () => {
    const root = migrationsCopy();
    const name = '29991231000000_add_scratch_table';
    addMigration(root, name, 'CREATE TABLE "scratch_for_test" ("id" INTEGER PRIMARY KEY);\n');
    expect((await migrate({ url: databaseUrl(), root })).applied).toEqual([name]);
    expect((await migrate({ url: databaseUrl(), root })).applied).toEqual([]);
    const rows = await db().$queryRaw<Array<{ checksum: string }>>`SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ${name} AND finished_at IS NOT NULL`;
    expect(rows.map((row) => row.checksum)).toEqual([readMigrations(engine, root).find((migration) => migration.name === name)?.checksum]);
    expect(await db().$queryRawUnsafe<unknown[]>('SELECT * FROM "scratch_for_test"')).toEqual([]);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const url = await emptyDatabase();
    await migrate({ url });
    const root = migrationsCopy();
    const name = '29991231000001_broken';
    addMigration(root, name, 'CREATE TABLE "half_done" ("id" INTEGER);\nTHIS IS NOT SQL;\n');
    await expect(migrate({ url, root })).rejects.toThrow(/syntax error/);
    expect((await bookkeeping(url)).map((row) => row.migration_name)).toEqual(projectMigrations);
    const table =
      engine === 'sqlite'
        ? await sql(url, `SELECT name FROM sqlite_master WHERE name = 'half_done'`)
        : await sql(url, `SELECT tablename FROM pg_tables WHERE tablename = 'half_done'`);
    expect(table).toEqual([]);
    // Once the file is fixed, the same migration goes through.
    writeFileSync(join(root, MIGRATIONS, name, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    expect((await migrate({ url, root })).applied).toEqual([name]);
  });

  it('backfills the moving average cost of a ledger written before it was stored, and the ledger stays append-only', async () => {
    const root = migrationsCopy();
    for (const name of projectMigrations.slice(1)) rmSync(join(root, MIGRATIONS, name), { recursive: true });
    const url = await emptyDatabase();
    await migrate({ url, root });

    const now = new Date().toISOString();
    await sql(url, `INSERT INTO "products" ("sku", "sku_key", "name", "price_cents", "cost_cents", "on_hand", "updated_at") VALUES ('A-1', 'a-1', 'A', 500, 300, 7, ${placeholders(1)})`, [now]);
    await sql(url, `INSERT INTO "products" ("sku", "sku_key", "name", "price_cents", "cost_cents", "updated_at") VALUES ('B-1', 'b-1', 'B', 500, 100, ${placeholders(1)})`, [now]);
    const [product] = await sql<{ id: number }>(url, `SELECT "id" FROM "products" WHERE "sku" = 'A-1'`);
    const [location] = await sql<{ id: number }>(url, `SELECT "id" FROM "locations" WHERE "code" = 'MAIN'`);
    // 10 @ 2.00, ship 4, 3 @ 3.50, 2 with no cost (the product's 3.00), ship 4: as in the unit test.
    const ledger: Array<[string, number, number, number | null]> = [
      ['RECEIPT', 10, 10, 200],
      ['SHIPMENT', -4, 6, null],
      ['RECEIPT', 3, 9, 350],
      ['RECEIPT', 2, 11, null],
      ['SHIPMENT', -4, 7, null],
    ];
    const values = engine === 'postgresql' ? '$1, $2, $3::"MovementType", $4, $5, $6, $7' : placeholders(7);
    for (const [type, quantity, balanceAfter, unitCostCents] of ledger) {
      await sql(
        url,
        `INSERT INTO "stock_movements" ("product_id", "location_id", "type", "quantity", "balance_after", "unit_cost_cents", "created_at") VALUES (${values})`,
        [product!.id, location!.id, type, quantity, balanceAfter, unitCostCents, now],
      );
    }

    const result = await migrate({ url });
    expect(result.applied).toEqual(projectMigrations.slice(1));
    const rows = await sql<{ unit_cost_cents: number | null; average_cost_micro_cents: number | bigint | string }>(
      url,
      'SELECT "unit_cost_cents", "average_cost_micro_cents" FROM "stock_movements" ORDER BY "id"',
    );
    let average = 0n;
    let held = 0n;
    const expected = ledger.map(([type, quantity, , unitCostCents]) => {
      const cost = type === 'RECEIPT' ? (unitCostCents ?? 300) : null;
      if (cost !== null) average = receive(average, held, BigInt(quantity), BigInt(cost));
      held += BigInt(quantity);
      return [cost, formatAverageCost(average)];
    });
    expect(rows.map((row) => [row.unit_cost_cents === null ? null : Number(row.unit_cost_cents), formatAverageCost(BigInt(row.average_cost_micro_cents))])).toEqual(expected);
    expect(expected.at(-1)).toEqual([null, '2.5909']);
    const products = await sql<{ sku: string; average_cost_micro_cents: number | bigint | string }>(url, 'SELECT "sku", "average_cost_micro_cents" FROM "products" ORDER BY "sku"');
    expect(products.map((row) => [row.sku, formatAverageCost(BigInt(row.average_cost_micro_cents))])).toEqual([
      ['A-1', '2.5909'],
      ['B-1', '0.0000'],
    ]);
    await expect(sql(url, 'UPDATE "stock_movements" SET "quantity" = 0')).rejects.toThrow(/append-only/);
  });
});
