import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseEngine, databaseUrl, db } from '@/lib/db/client';
import { migrate, MigrationError } from '@/lib/db/migrate';

/** A copy of the project's migrations in a temporary root, free to be tampered with. */
function migrationsCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'stockroom-migrations-'));
  cpSync(join(process.cwd(), 'prisma'), join(root, 'prisma'), { recursive: true });
  return root;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe(`npm run db:migrate on ${databaseEngine()}`, () => {
  it('applies nothing to a database that is up to date', async () => {
    const result = await migrate({ url: databaseUrl() });
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const root = migrationsCopy();
    roots.push(root);
    const folder = databaseEngine() === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations';
    appendFileSync(join(root, folder, '20261125000000_init', 'migration.sql'), '\n-- an innocent-looking edit\n');
    const attempt = migrate({ url: databaseUrl(), root });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate({ url: databaseUrl(), root })).rejects.toThrow(/edited after it was applied/);
  });

  it('applies a new migration once, in a transaction, and records it', async () => {
    const root = migrationsCopy();
    roots.push(root);
    const folder = databaseEngine() === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations';
    const name = '29991231000000_add_scratch_table';
    cpSync(join(root, folder, '20261125000000_init'), join(root, folder, name), { recursive: true });
    writeFileSync(join(root, folder, name, 'migration.sql'), 'CREATE TABLE "scratch_for_test" ("id" INTEGER PRIMARY KEY);\n');
    expect((await migrate({ url: databaseUrl(), root })).applied).toEqual([name]);
    expect((await migrate({ url: databaseUrl(), root })).applied).toEqual([]);
    const rows = await db().$queryRaw<Array<{ migration_name: string }>>`SELECT migration_name FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    expect(rows).toHaveLength(1);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const root = migrationsCopy();
    roots.push(root);
    const folder = databaseEngine() === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations';
    const name = '29991231000001_broken';
    cpSync(join(root, folder, '20261125000000_init'), join(root, folder, name), { recursive: true });
    writeFileSync(join(root, folder, name, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\nTHIS IS NOT SQL;\n');
    await expect(migrate({ url: databaseUrl(), root })).rejects.toThrow();
    const rows = await db().$queryRaw<Array<{ migration_name: string }>>`SELECT migration_name FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    expect(rows).toHaveLength(0);
    const table = databaseEngine() === 'sqlite'
      ? await db().$queryRaw<unknown[]>`SELECT name FROM sqlite_master WHERE name = 'half_done'`
      : await db().$queryRaw<unknown[]>`SELECT tablename FROM pg_tables WHERE tablename = 'half_done'`;
    expect(table).toHaveLength(0);
  });
});
