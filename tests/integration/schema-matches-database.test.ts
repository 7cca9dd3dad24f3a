import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db, databaseEngine } from '@/lib/db/client';
import { readMigrations } from '@/lib/db/migrate';

/**
 * The hand-kept SQL migrations must build exactly the schema Prisma expects. Models, fields,
 * kinds and column names come from Prisma's own data model (the generated client's runtime
 * data model); optionality from schema.prisma's `?`. The database under test was migrated
 * from empty by lib/db/migrate.ts (tests/integration/setup).
 */
interface RuntimeField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  dbName?: string;
}
interface RuntimeModel {
  fields: RuntimeField[];
  dbName?: string | null;
}

const runtimeModels = (db() as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })._runtimeDataModel.models;
const schemaText = readFileSync(join(process.cwd(), 'prisma/schema.prisma'), 'utf8');

/** The `@@map` of a model, read from schema.prisma (the runtime model omits it when absent). */
function tableOf(model: string): string {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)?.[1] ?? '';
  return /@@map\("([^"]+)"\)/.exec(block)?.[1] ?? runtimeModels[model]?.dbName ?? model;
}

function isOptional(model: string, field: string): boolean {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)?.[1] ?? '';
  const line = block.split('\n').find((candidate) => new RegExp(`^\\s*${field}\\s`).test(candidate));
  if (!line) throw new Error(`Field ${model}.${field} not found in schema.prisma`);
  return /^\s*\w+\s+\w+\?/.test(line);
}

const SQLITE_TYPES: Record<string, string[]> = { Int: ['INTEGER'], String: ['TEXT'], Boolean: ['BOOLEAN'], DateTime: ['DATETIME'] };
const POSTGRES_TYPES: Record<string, string[]> = { Int: ['integer'], String: ['text'], Boolean: ['boolean'], DateTime: ['timestamp without time zone'] };

interface Column {
  name: string;
  type: string;
  nullable: boolean;
}

async function columnsOf(table: string): Promise<Column[]> {
  if (databaseEngine() === 'sqlite') {
    const rows = await db().$queryRawUnsafe<Array<{ name: string; type: string; notnull: number | bigint; pk: number | bigint }>>(`PRAGMA table_info("${table}")`);
    return rows.map((row) => ({ name: row.name, type: row.type.toUpperCase(), nullable: Number(row.notnull) === 0 && Number(row.pk) === 0 }));
  }
  const rows = await db().$queryRaw<Array<{ column_name: string; data_type: string; udt_name: string; is_nullable: string }>>`
    SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`;
  return rows.map((row) => ({ name: row.column_name, type: row.data_type === 'USER-DEFINED' ? `enum:${row.udt_name}` : row.data_type, nullable: row.is_nullable === 'YES' }));
}

function expectedTypes(field: RuntimeField): string[] {
  if (field.kind === 'enum') return databaseEngine() === 'sqlite' ? ['TEXT'] : [`enum:${field.type}`];
  const types = (databaseEngine() === 'sqlite' ? SQLITE_TYPES : POSTGRES_TYPES)[field.type];
  if (!types) throw new Error(`No column type mapping for Prisma type ${field.type}: add one to this test`);
  return types;
}

describe(`the migrated ${databaseEngine()} database matches schema.prisma`, () => {
  const modelNames = Object.keys(runtimeModels);

  it('knows the models', () => {
    expect(modelNames.length).toBeGreaterThanOrEqual(13);
  });

  it.each(modelNames)('%s: every field has its column, type and nullability, and nothing else is there', async (model) => {
    const columns = await columnsOf(tableOf(model));
    const byName = new Map(columns.map((column) => [column.name, column]));
    const scalarFields = runtimeModels[model]!.fields.filter((field) => field.kind !== 'object');
    const problems: string[] = [];
    for (const field of scalarFields) {
      const columnName = field.dbName ?? field.name;
      const column = byName.get(columnName);
      if (!column) {
        problems.push(`${model}.${field.name}: no column ${columnName}`);
        continue;
      }
      if (!expectedTypes(field).includes(column.type)) problems.push(`${model}.${field.name}: type ${column.type}, expected ${expectedTypes(field).join(' or ')}`);
      if (column.nullable !== isOptional(model, field.name)) problems.push(`${model}.${field.name}: nullable=${column.nullable}, schema says ${isOptional(model, field.name) ? 'optional' : 'required'}`);
    }
    const known = new Set(scalarFields.map((field) => field.dbName ?? field.name));
    for (const column of columns) if (!known.has(column.name)) problems.push(`${model}: column ${column.name} is not in schema.prisma`);
    expect(problems).toEqual([]);
  });

  it('has the append-only triggers, the one-unresolved-alert index and the default location', async () => {
    if (databaseEngine() === 'sqlite') {
      const triggers = await db().$queryRaw<Array<{ name: string }>>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'stock_movements' ORDER BY name`;
      expect(triggers.map((trigger) => trigger.name)).toEqual(['stock_movements_refuse_delete', 'stock_movements_refuse_update']);
      const indexes = await db().$queryRaw<Array<{ name: string }>>`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'inventory_alerts_one_unresolved_per_product'`;
      expect(indexes).toHaveLength(1);
    } else {
      const triggers = await db().$queryRaw<Array<{ tgname: string }>>`
        SELECT tgname FROM pg_trigger WHERE tgrelid = 'stock_movements'::regclass AND NOT tgisinternal ORDER BY tgname`;
      expect(triggers.map((trigger) => trigger.tgname)).toEqual(['stock_movements_refuse_truncate', 'stock_movements_refuse_update_delete']);
      const indexes = await db().$queryRaw<Array<{ indexname: string }>>`SELECT indexname FROM pg_indexes WHERE indexname = 'inventory_alerts_one_unresolved_per_product'`;
      expect(indexes).toHaveLength(1);
    }
    expect(await db().location.count({ where: { isDefault: true, deletedAt: null } })).toBe(1);
  });

  it("keeps Prisma's migration bookkeeping: one finished row per migration, with its checksum", async () => {
    const rows = await db().$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: unknown }>>`
      SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    const migrations = readMigrations(databaseEngine());
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(migrations.map((migration) => [migration.name, migration.checksum]));
    for (const row of rows) expect(row.finished_at).not.toBeNull();
  });
});
