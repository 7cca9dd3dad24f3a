import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MigrationError, planMigrations, type Migration } from '@/lib/db/migrate';

function migration(name: string, sql = `CREATE TABLE "${name}" ("id" INTEGER);`): Migration {
  return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

const first = migration('20260101000000_init');
const second = migration('20260201000000_add_things');
const third = migration('20260301000000_add_more');

/** A `_prisma_migrations` row as the runner reads it. */
function applied(of: Migration, overrides: { checksum?: string; finished_at?: unknown; rolled_back_at?: unknown; migration_name?: string } = {}) {
  return { migration_name: of.name, checksum: of.checksum, finished_at: new Date('2026-01-01T00:00:00Z'), rolled_back_at: null, ...overrides };
}

function refusal(run: () => unknown): MigrationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationError);
    return error as MigrationError;
  }
  throw new Error('expected planMigrations to refuse');
}

describe('planMigrations', () => {
  it('returns every migration, in order, for an empty database', () => {
    expect(planMigrations([first, second, third], []).map((m) => m.name)).toEqual([first.name, second.name, third.name]);
  });

  it('returns only the pending ones, in the order given, whatever order the rows come in', () => {
    expect(planMigrations([first, second, third], [applied(second), applied(first)])).toEqual([third]);
    // A migration merged from an older branch is still applied, in its place in the list.
    expect(planMigrations([first, second, third], [applied(first), applied(third)])).toEqual([second]);
    expect(planMigrations([first, second, third], [applied(first), applied(second), applied(third)])).toEqual([]);
  });

  it('refuses an applied migration whose file was edited since', () => {
    const edited = { ...first, sql: `${first.sql}\n-- edited`, checksum: migration(first.name, `${first.sql}\n-- edited`).checksum };
    const error = refusal(() => planMigrations([edited, second], [applied(first)]));
    expect(error.message).toMatch(`${first.name} was edited after it was applied`);
  });

  it('refuses a database with a migration this checkout does not have', () => {
    const error = refusal(() => planMigrations([first], [applied(first), applied(second)]));
    expect(error.message).toMatch(`${second.name} is applied to the database but missing from this checkout`);
  });

  it('refuses to go on after a migration that started but did not finish', () => {
    const error = refusal(() => planMigrations([first, second], [applied(first), applied(second, { finished_at: null })]));
    expect(error.message).toMatch(`${second.name} started but did not finish`);
  });

  it('ignores rows marked rolled back: that migration is pending again', () => {
    const rows = [applied(first), applied(second, { finished_at: null, rolled_back_at: new Date() })];
    expect(planMigrations([first, second], rows)).toEqual([second]);
    // Even a rolled-back row with another checksum or an unknown name is history, not a conflict.
    expect(planMigrations([first], [applied(first), applied(second, { rolled_back_at: new Date(), checksum: 'x' })])).toEqual([]);
    // A rolled-back attempt followed by a successful one counts as applied.
    expect(planMigrations([first, second], [applied(first), applied(second, { rolled_back_at: new Date() }), applied(second)])).toEqual([]);
  });
});
