import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, databaseEngine } from '@/lib/db/client';

/**
 * The hand-kept SQL migrations must build exactly the schema Prisma expects. The expectation
 * comes from Prisma itself: `prisma generate` runs schema.prisma through Prisma's own parser
 * and hands the data model (DMMF: models, fields, kinds, types, isRequired, @map/@@map, ids and
 * uniques) to a throw-away generator that writes it out. The database under test was migrated
 * from empty by lib/db/migrate.ts (tests/integration/setup/global-setup.ts).
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
}
interface DmmfDatamodel {
  models: DmmfModel[];
  enums: Array<{ name: string; dbName?: string | null; values: Array<{ name: string }> }>;
}

/** A Prisma generator speaks JSON-RPC: requests on its stdin, answers on its stderr. */
const DUMP_GENERATOR = `
const fs = require('node:fs');
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  let result = null;
  if (message.method === 'getManifest') result = { manifest: { prettyName: 'DMMF dump', requiresEngines: [] } };
  if (message.method === 'generate') fs.writeFileSync(process.env.DMMF_OUT, JSON.stringify(message.params.dmmf.datamodel));
  process.stderr.write(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }) + '\\n');
});
`;

/**
 * Prisma's reading of schema.prisma. Running the CLI costs a few seconds of CPU, so the result
 * is cached in tests/.tmp under a hash of everything it depends on.
 */
async function prismaDatamodel(): Promise<DmmfDatamodel> {
  const schema = readFileSync(join(process.cwd(), 'prisma/schema.prisma'), 'utf8');
  const prismaVersion = (JSON.parse(readFileSync(join(process.cwd(), 'node_modules/prisma/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(`${prismaVersion}\0${DUMP_GENERATOR}\0${schema}`).digest('hex').slice(0, 16);
  const cached = join(process.cwd(), 'tests/.tmp', `dmmf-${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as DmmfDatamodel;

  const dir = mkdtempSync(join(tmpdir(), 'stockroom-dmmf-'));
  try {
    const generator = join(dir, 'dump-dmmf.cjs');
    writeFileSync(generator, DUMP_GENERATOR);
    const dumping = schema.replace(
      /^generator\s+\w+\s*\{[\s\S]*?^\}/gm,
      `generator dump {\n  provider = "node ${generator}"\n  output   = "${join(dir, 'out')}"\n}`,
    );
    if (dumping === schema) throw new Error('schema.prisma has no generator block to replace');
    writeFileSync(join(dir, 'schema.prisma'), dumping);
    const out = join(dir, 'datamodel.json');
    await promisify(execFile)(process.execPath, [join(process.cwd(), 'node_modules/prisma/build/index.js'), 'generate', '--schema', join(dir, 'schema.prisma')], {
      cwd: dir,
      // As in scripts/generate-clients.mjs: generate never runs the schema engine, but Prisma 7
      // tries to download it unless this names an existing file.
      env: { ...process.env, DMMF_OUT: out, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
    const datamodel = JSON.parse(readFileSync(out, 'utf8')) as DmmfDatamodel;
    // Written beside the cache and renamed into place: a parallel reader sees all of it or none.
    const partial = `${cached}.${process.pid}.partial`;
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(partial, JSON.stringify(datamodel));
    renameSync(partial, cached);
    return datamodel;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const engine = databaseEngine();
const COLUMN_TYPES: Record<'sqlite' | 'postgresql', Record<string, string>> = {
  sqlite: { Int: 'INTEGER', BigInt: 'BIGINT', String: 'TEXT', Boolean: 'BOOLEAN', DateTime: 'DATETIME' },
  // timestamp(3): Prisma's millisecond precision.
  postgresql: { Int: 'integer', BigInt: 'bigint', String: 'text', Boolean: 'boolean', DateTime: 'timestamp(3) without time zone' },
};

interface Column {
  name: string;
  type: string;
  nullable: boolean;
}

async function columnsOf(table: string): Promise<Column[]> {
  if (engine === 'sqlite') {
    const rows = await db().$queryRawUnsafe<Array<{ name: string; type: string; notnull: number | bigint }>>(`PRAGMA table_info("${table}")`);
    return rows.map((row) => ({ name: row.name, type: row.type.toUpperCase(), nullable: Number(row.notnull) === 0 }));
  }
  const rows = await db().$queryRaw<Array<{ column_name: string; data_type: string; udt_name: string; is_nullable: string; datetime_precision: number | null }>>`
    SELECT column_name, data_type, udt_name, is_nullable, datetime_precision
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`;
  return rows.map((row) => ({
    name: row.column_name,
    type:
      row.data_type === 'USER-DEFINED'
        ? `enum ${row.udt_name}`
        : row.data_type === 'timestamp without time zone'
          ? `timestamp(${row.datetime_precision}) without time zone`
          : row.data_type,
    nullable: row.is_nullable === 'YES',
  }));
}

/** Every index of a table that enforces uniqueness on plain columns, as its column list. */
async function uniqueColumnSets(table: string): Promise<{ primaryKey: string[]; unique: string[][] }> {
  if (engine === 'sqlite') {
    const info = await db().$queryRawUnsafe<Array<{ name: string; pk: number | bigint }>>(`PRAGMA table_info("${table}")`);
    const primaryKey = info.filter((column) => Number(column.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((column) => column.name);
    const indexes = await db().$queryRawUnsafe<Array<{ name: string; unique: number | bigint; partial: number | bigint }>>(`PRAGMA index_list("${table}")`);
    const unique: string[][] = [];
    for (const index of indexes.filter((candidate) => Number(candidate.unique) === 1 && Number(candidate.partial) === 0)) {
      const columns = await db().$queryRawUnsafe<Array<{ name: string | null }>>(`PRAGMA index_info("${index.name}")`);
      if (columns.every((column) => column.name !== null)) unique.push(columns.map((column) => column.name as string));
    }
    return { primaryKey, unique };
  }
  const rows = await db().$queryRaw<Array<{ primary: boolean; columns: string[] }>>`
    SELECT i.indisprimary AS "primary",
           array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    WHERE t.relname = ${table} AND t.relnamespace = current_schema()::regnamespace
      AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL`;
  return { primaryKey: rows.find((row) => row.primary)?.columns ?? [], unique: rows.map((row) => row.columns) };
}

let datamodel: DmmfDatamodel;
beforeAll(async () => {
  datamodel = await prismaDatamodel();
}, 60_000);

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`${model.name}.${fieldName} is not a field`);
  return field.dbName ?? field.name;
};
const scalarFieldsOf = (model: DmmfModel) => model.fields.filter((field) => field.kind !== 'object');

describe(`the migrated ${engine} database matches schema.prisma`, () => {
  it("Prisma's data model is the one the generated client was built from", () => {
    expect(datamodel.models.length).toBeGreaterThanOrEqual(13);
    const runtime = (db() as unknown as { _runtimeDataModel: { models: Record<string, { dbName?: string | null; fields: Array<{ name: string; kind: string; type: string; dbName?: string | null }> }> } })
      ._runtimeDataModel.models;
    const shape = (fields: Array<{ name: string; kind: string; type: string; dbName?: string | null }>) =>
      fields.map((field) => [field.name, field.kind, field.type, field.dbName ?? null]);
    expect(Object.keys(runtime).sort()).toEqual(datamodel.models.map((model) => model.name).sort());
    for (const model of datamodel.models) expect(shape(runtime[model.name]?.fields ?? []), `${model.name} in lib/db/generated: run npm run db:generate`).toEqual(shape(model.fields));
  });

  it('every model has its table and every scalar field its column, with the right type family and nullability, and nothing more', async () => {
    expect(datamodel.models.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const columns = await columnsOf(tableOf(model));
      if (columns.length === 0) {
        problems.push(`${model.name}: no table ${tableOf(model)}`);
        continue;
      }
      const byName = new Map(columns.map((column) => [column.name, column]));
      for (const field of scalarFieldsOf(model)) {
        const columnName = field.dbName ?? field.name;
        const column = byName.get(columnName);
        if (!column) {
          problems.push(`${model.name}.${field.name}: no column ${tableOf(model)}.${columnName}`);
          continue;
        }
        if (field.isList || field.kind === 'unsupported') problems.push(`${model.name}.${field.name}: ${field.kind} list/unsupported fields are not portable`);
        const expected = field.kind === 'enum' ? (engine === 'sqlite' ? 'TEXT' : `enum ${field.type}`) : COLUMN_TYPES[engine][field.type];
        if (!expected) problems.push(`${model.name}.${field.name}: no column type known for Prisma type ${field.type}: add one to this test`);
        else if (column.type !== expected) problems.push(`${model.name}.${field.name}: column type ${column.type}, expected ${expected}`);
        if (column.nullable === field.isRequired) {
          problems.push(`${model.name}.${field.name}: column ${columnName} is ${column.nullable ? 'NULL' : 'NOT NULL'} but the field is ${field.isRequired ? 'required' : 'optional'}`);
        }
      }
      const known = new Set(scalarFieldsOf(model).map((field) => field.dbName ?? field.name));
      for (const column of columns) if (!known.has(column.name)) problems.push(`${model.name}: column ${tableOf(model)}.${column.name} is not in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });

  it('has no table that schema.prisma does not know', async () => {
    const tables =
      engine === 'sqlite'
        ? (await db().$queryRaw<Array<{ name: string }>>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).map((row) => row.name)
        : (await db().$queryRaw<Array<{ name: string }>>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`).map((row) => row.name);
    expect(tables.sort()).toEqual([...datamodel.models.map(tableOf), '_prisma_migrations'].sort());
  });

  it('has the primary key of every model and a unique index for every @unique and @@unique', async () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const { primaryKey, unique } = await uniqueColumnSets(tableOf(model));
      const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
      const expectedKey = idFields.map((field) => columnOf(model, field));
      if (JSON.stringify(primaryKey) !== JSON.stringify(expectedKey)) problems.push(`${model.name}: primary key (${primaryKey.join(', ')}), expected (${expectedKey.join(', ')})`);
      const uniques = [...model.fields.filter((field) => field.isUnique).map((field) => [field.name]), ...model.uniqueFields];
      for (const fields of uniques) {
        const columns = fields.map((field) => columnOf(model, field));
        if (!unique.some((index) => JSON.stringify(index) === JSON.stringify(columns))) problems.push(`${model.name}: no unique index on (${columns.join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });

  // SQLite has no enum types: Prisma keeps enums there as TEXT (checked above).
  if (engine === 'postgresql') {
    it('has every enum type with exactly its values, in order', async () => {
      const rows = await db().$queryRaw<Array<{ type: string; values: string[] }>>`
        SELECT t.typname AS type, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`;
      const actual = Object.fromEntries(rows.map((row) => [row.type, row.values]));
      const expected = Object.fromEntries(datamodel.enums.map((enumeration) => [enumeration.dbName ?? enumeration.name, enumeration.values.map((value) => value.name)]));
      expect(actual).toEqual(expected);
    });
  }

  it('has the append-only triggers on stock_movements', async () => {
    if (engine === 'sqlite') {
      const triggers = await db().$queryRaw<Array<{ name: string; sql: string }>>`
        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'stock_movements' ORDER BY name`;
      expect(triggers.map((trigger) => trigger.name)).toEqual(['stock_movements_refuse_delete', 'stock_movements_refuse_update']);
      expect(triggers[0]?.sql).toMatch(/BEFORE\s+DELETE\s+ON\s+"stock_movements"[\s\S]*RAISE\s*\(\s*ABORT/i);
      expect(triggers[1]?.sql).toMatch(/BEFORE\s+UPDATE\s+ON\s+"stock_movements"[\s\S]*RAISE\s*\(\s*ABORT/i);
    } else {
      const events = await db().$queryRaw<Array<{ trigger_name: string; event_manipulation: string; action_timing: string }>>`
        SELECT trigger_name, event_manipulation, action_timing FROM information_schema.triggers
        WHERE event_object_table = 'stock_movements' AND event_object_schema = current_schema() ORDER BY event_manipulation`;
      // DELETE has its own trigger since archiving: it lets a row go only once its copy is archived.
      expect(events.map((row) => [row.trigger_name, row.event_manipulation, row.action_timing])).toEqual([
        ['stock_movements_refuse_delete', 'DELETE', 'BEFORE'],
        ['stock_movements_refuse_update', 'UPDATE', 'BEFORE'],
      ]);
      // information_schema does not list TRUNCATE triggers.
      const truncate = await db().$queryRaw<Array<{ tgname: string }>>`
        SELECT tgname FROM pg_trigger WHERE tgrelid = 'stock_movements'::regclass AND NOT tgisinternal AND (tgtype & 32) <> 0`;
      expect(truncate.map((row) => row.tgname)).toEqual(['stock_movements_refuse_truncate']);
    }
  });

  it('has the partial unique index allowing one unresolved alert per product', async () => {
    const definition =
      engine === 'sqlite'
        ? (await db().$queryRaw<Array<{ sql: string }>>`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'inventory_alerts_one_unresolved_per_product'`)[0]?.sql
        : (await db().$queryRaw<Array<{ sql: string }>>`SELECT indexdef AS sql FROM pg_indexes WHERE indexname = 'inventory_alerts_one_unresolved_per_product'`)[0]?.sql;
    expect(definition).toMatch(/CREATE UNIQUE INDEX "?inventory_alerts_one_unresolved_per_product"? ON [\w."]*inventory_alerts"? ?(USING btree )?\("?product_id"?\) WHERE .*status.*<>.*'RESOLVED'/);
  });

  it('seeded exactly one live default location', async () => {
    expect(await db().location.count({ where: { isDefault: true, deletedAt: null } })).toBe(1);
  });

  it("keeps Prisma's bookkeeping: one finished row per migration folder, with the file's SHA-256", async () => {
    const folder = join(process.cwd(), engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations');
    const expected = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name, createHash('sha256').update(readFileSync(join(folder, entry.name, 'migration.sql'))).digest('hex')])
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const rows = await db().$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown; applied_steps_count: number | bigint }>>`
      SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(expected);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });
});
