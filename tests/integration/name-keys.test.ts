import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { sqliteFilePath } from '@/lib/db/engine';
import { migrate } from '@/lib/db/migrate';
import { createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { createLocation } from '@/lib/inventory/create-location';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { createLocationSchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { createSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { updateCategory } from '@/lib/inventory/update-category';
import { updateLocation } from '@/lib/inventory/update-location';
import { nameKey } from '@/lib/name-key';
import { expectAppError, tag } from './catalog-fixtures';
import { engineName } from './helpers';

/**
 * Names that must be unique compare after Unicode NFC and case folding, alike on both engines
 * (issue 10): "ÉPICERIE" beside "épicerie" was accepted on SQLite, whose lower() folds ASCII only.
 */
const engine = engineName();
const NAME_TAKEN = { name: expect.stringMatching(/already exists/) };

const newCategory = (name: string) => createCategory({ input: createCategorySchema.parse({ name }), actorId: null });
const newSupplier = (name: string) => createSupplier({ input: createSupplierSchema.parse({ name }), actorId: null });
/** A tag of ASCII letters and digits only, so that the accented words around it decide the collision. */
const suffix = () => tag('x').slice(2);

describe.each([
  ['categories', newCategory],
  ['suppliers', newSupplier],
] as const)('%s: unique names after NFC and case folding', (_label, create) => {
  it('"ÉPICERIE" then "épicerie", and "Épicerie" then "ÉPICERIE": 409 CONFLICT on the name', async () => {
    const one = suffix();
    await create(`ÉPICERIE ${one}`);
    const error = await expectAppError(create(`épicerie ${one}`), 'CONFLICT');
    expect(error.details.fieldErrors).toEqual(NAME_TAKEN);
    const two = suffix();
    await create(`Épicerie ${two}`);
    await expectAppError(create(`ÉPICERIE ${two}`), 'CONFLICT');
  });

  it('the same word typed decomposed (E + combining accent) and precomposed collides, either way round', async () => {
    const one = suffix();
    const stored = await create(`E\u0301picerie ${one}`);
    expect(stored.nameKey).toBe(`\u00e9picerie ${one}`);
    await expectAppError(create(`\u00c9PICERIE ${one}`), 'CONFLICT');
    const two = suffix();
    await create(`\u00e9picerie ${two}`);
    await expectAppError(create(`E\u0301PICERIE ${two}`), 'CONFLICT');
  });

  it('"Straße" and "STRASSE" collide; different words with the same letters but other accents do not', async () => {
    const one = suffix();
    await create(`Straße ${one}`);
    await expectAppError(create(`STRASSE ${one}`), 'CONFLICT');
    await create(`Epicerie ${one}`);
    await create(`Épicerie ${one}`);
  });
});

describe('renaming and deleting', () => {
  it('a rename into another live name is 409; a rename of its own case is not; a deleted name is free again', async () => {
    const one = suffix();
    const first = await newCategory(`Café ${one}`);
    const second = await newCategory(`Thé ${one}`);
    await expectAppError(updateCategory({ id: second.id, input: updateCategorySchema.parse({ name: `CAFÉ ${one}` }), actorId: null }), 'CONFLICT', NAME_TAKEN);
    const recased = await updateCategory({ id: first.id, input: updateCategorySchema.parse({ name: `CAFE\u0301 ${one}` }), actorId: null });
    expect(recased.nameKey).toBe(first.nameKey);
    await deleteCategory({ id: first.id, actorId: null });
    expect((await newCategory(`café ${one}`)).nameKey).toBe(`café ${one}`);
  });

  it('the description alone leaves the key as it was', async () => {
    const created = await newCategory(`Épices ${suffix()}`);
    const updated = await updateCategory({ id: created.id, input: updateCategorySchema.parse({ description: 'Spices' }), actorId: null });
    expect(updated.nameKey).toBe(created.nameKey);
  });
});

describe('location codes: unique ignoring case, deleted ones included, enforced by the index', () => {
  const location = (code: string) => createLocation({ input: createLocationSchema.parse({ code, name: 'Bin' }), actorId: null });

  it('"bin-a" then "BIN-A" is 409 on the code, on create and on rename', async () => {
    const code = tag('bin');
    await location(code);
    await expectAppError(location(code.toUpperCase()), 'CONFLICT', { code: 'A location with this code already exists' });
    const other = await location(tag('bin'));
    await expectAppError(updateLocation({ id: other.id, input: updateLocationSchema.parse({ code: code.toUpperCase() }), actorId: null }), 'CONFLICT');
  });

  it('two creates of the same code in different case at the same moment: exactly one is stored', async () => {
    const code = tag('race');
    const results = await Promise.allSettled([location(code), location(code.toUpperCase()), location(code.toLowerCase())]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db().location.count({ where: { codeKey: nameKey(code) } })).toBe(1);
  });
});

/** The backfill of migration 20261207100000_name_keys, on a database holding rows written under the old rule. */
describe(`the name-keys migration on ${engine}`, () => {
  const MIGRATIONS = engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations';
  const cleanups: Array<() => Promise<unknown> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** A copy of the migrations that stops before the name keys. */
  function migrationsBeforeNameKeys(): string {
    const root = mkdtempSync(join(tmpdir(), 'stockroom-name-keys-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(process.cwd(), 'prisma'), join(root, 'prisma'), { recursive: true });
    for (const name of readdirSync(join(root, MIGRATIONS))) if (name >= '20261207100000') rmSync(join(root, MIGRATIONS, name), { recursive: true, force: true });
    return root;
  }

  async function emptyDatabase(): Promise<string> {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'stockroom-name-keys-db-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return `file:${join(dir, 'old.db')}`;
    }
    const adminUrl = process.env.TEST_POSTGRES_URL as string;
    const name = `${inject('stockroomRunPrefix')}${suffix()}`;
    await query(adminUrl, `CREATE DATABASE "${name}"`);
    cleanups.push(() => query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** One statement with `?` placeholders on a database other than this file's. */
  async function query<Row = Record<string, unknown>>(url: string, statement: string, parameters: unknown[] = []): Promise<Row[]> {
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
      let index = 0;
      return (await client.query(statement.replace(/\?/g, () => `$${(index += 1)}`), parameters)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  it('computes every key in JavaScript, beyond ASCII, and renames a later live duplicate the new rule reveals', async () => {
    const url = await emptyDatabase();
    await migrate({ url, root: migrationsBeforeNameKeys() });
    // Written under the old rule, lower(name): each pair below was accepted then.
    const rows: Array<[table: string, name: string, deleted: boolean]> = [
      ['categories', 'Épicerie', false],
      ['categories', 'E\u0301picerie', false], // the same word, decomposed
      ['categories', 'E\u0301picerie', true], // deleted: keeps its name, gets its key
      ['categories', 'Straße', false],
      ['categories', 'Tools', false],
      ['suppliers', 'Crème & Co', false],
      ['suppliers', 'CRE\u0300ME & CO', false],
      ['suppliers', 'CRÈME & CO (2)', false], // the rename must step over it
    ];
    for (const [table, name, deleted] of rows) {
      await query(url, `INSERT INTO "${table}" ("name", "created_at", "updated_at", "deleted_at") VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ${deleted ? 'CURRENT_TIMESTAMP' : 'NULL'})`, [name]);
    }
    await query(url, `INSERT INTO "locations" ("code", "name", "created_at", "updated_at") VALUES ('Bin-1', 'Bin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`);

    const { applied } = await migrate({ url });
    expect(applied).toContain('20261207100000_name_keys');

    const read = (table: string) => query<{ name: string; name_key: string; live: unknown }>(url, `SELECT "name", "name_key", "deleted_at" IS NULL AS "live" FROM "${table}" ORDER BY "id"`);
    const categories = await read('categories');
    expect(categories.map((row) => [row.name, row.name_key, Boolean(row.live)])).toEqual([
      ['Épicerie', 'épicerie', true],
      ['E\u0301picerie (2)', 'épicerie (2)', true],
      ['E\u0301picerie', 'épicerie', false],
      ['Straße', 'strasse', true],
      ['Tools', 'tools', true],
    ]);
    const suppliers = await read('suppliers');
    expect(suppliers.map((row) => [row.name, row.name_key])).toEqual([
      ['Crème & Co', 'crème & co'],
      ['CRE\u0300ME & CO (3)', 'crème & co (3)'],
      ['CRÈME & CO (2)', 'crème & co (2)'],
    ]);
    expect(await query(url, `SELECT "code", "code_key" FROM "locations" ORDER BY "id"`)).toEqual([
      { code: 'MAIN', code_key: 'main' },
      { code: 'Bin-1', code_key: 'bin-1' },
    ]);
    // The index now holds the folded rule: the decomposed form of a live name is refused.
    await expect(
      query(url, `INSERT INTO "categories" ("name", "name_key", "created_at", "updated_at") VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`, ['STRASSE', nameKey('STRASSE')]),
    ).rejects.toThrow(/unique/i);
  });
});
