import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { classifyDatabaseError } from '@/lib/db/errors';
import { engineName } from './helpers';

/**
 * The errors classifyDatabaseError reads, produced by the real engine through Prisma's real
 * driver adapter (tests/unit/database-errors.test.ts copies their shape). Each is bad data that
 * validation should have stopped: a 400 naming a field when the driver names one, logged as a bug.
 */
async function thrownBy(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('the database accepted it');
    },
    (error: unknown) => error,
  );
}

const POSTGRES_CASES: Array<[string, string, string]> = [
  ['NUL in text (22021)', `SELECT $1::text AS x`, 'a\u0000b'],
  ['integer out of range (22003)', `SELECT $1::int AS x`, '3000000000'],
  ['invalid text representation (22P02)', `SELECT 'abc'::int AS x`, ''],
  ['datetime field overflow (22008)', `SELECT '2026-02-30'::date AS x`, ''],
  ['invalid datetime format (22007)', `SELECT 'yesterday-ish'::timestamptz AS x`, ''],
  ['NUL in jsonb (22P05)', `SELECT '"\\u0000"'::jsonb AS x`, ''],
];

const SQLITE_CASES: Array<[string, string]> = [
  ['string or blob too big (SQLITE_TOOBIG)', 'SELECT zeroblob(2000000000) AS x'],
  ['integer overflow', 'SELECT abs(-9223372036854775808) AS x'],
];

describe(`database errors that escape validation (${engineName()})`, () => {
  afterEach(() => vi.restoreAllMocks());

  it('are classified as 400s and logged once each as bugs', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const errors =
      engineName() === 'postgresql'
        ? await Promise.all(POSTGRES_CASES.map(async ([label, sql, parameter]) => [label, await thrownBy(parameter ? db().$queryRawUnsafe(sql, parameter) : db().$queryRawUnsafe(sql))] as const))
        : await Promise.all(SQLITE_CASES.map(async ([label, sql]) => [label, await thrownBy(db().$queryRawUnsafe(sql))] as const));
    for (const [label, error] of errors) {
      expect(classifyDatabaseError(error)?.code, `${label}: ${String(error)}`).toBe('VALIDATION_FAILED');
    }
    expect(log).toHaveBeenCalledTimes(errors.length);
  });

  it('name the form as a whole ("_") when the driver does not name the column, as neither engine does here', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table = `fuzz_${Date.now()}`;
    if (engineName() === 'postgresql') {
      await db().$executeRawUnsafe(`CREATE TEMP TABLE ${table} (supplier_sku varchar(3))`);
      const error = await thrownBy(db().$executeRawUnsafe(`INSERT INTO ${table} (supplier_sku) VALUES ('abcdef')`));
      expect(classifyDatabaseError(error)?.details.fieldErrors).toEqual({ _: 'Too long' });
    } else {
      await db().$executeRawUnsafe(`CREATE TEMP TABLE ${table} (id INTEGER PRIMARY KEY)`);
      const error = await thrownBy(db().$executeRawUnsafe(`INSERT INTO ${table} (id) VALUES ('abc')`));
      expect(classifyDatabaseError(error)?.details.fieldErrors).toEqual({ _: 'Not a valid value' });
    }
  });

  it('leave a missing table, which nobody foresaw, to the 500', async () => {
    const error = await thrownBy(db().$queryRawUnsafe('SELECT * FROM no_such_table'));
    expect(classifyDatabaseError(error)).toBeUndefined();
  });
});
