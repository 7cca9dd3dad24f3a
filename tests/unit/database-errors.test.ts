import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyDatabaseError } from '@/lib/db/errors';

/**
 * Error objects shaped as Prisma 7 and its driver adapters throw them (copied from real ones:
 * tests/integration/database-error-classes.test.ts produces those on both engines).
 */
function prismaError(code: string, cause: Record<string, unknown>, message = 'Invalid invocation') {
  const driverAdapterError = Object.assign(new Error(String(cause.originalMessage ?? cause.kind)), { name: 'DriverAdapterError', cause });
  return Object.assign(new Error(message), { name: 'PrismaClientKnownRequestError', code, meta: { modelName: 'Category', driverAdapterError }, clientVersion: '7.10.1' });
}

const postgres = (originalCode: string, kind = 'postgres', extra: Record<string, unknown> = {}) =>
  prismaError('P2039', { originalCode, originalMessage: `error ${originalCode}`, kind, code: originalCode, ...extra });
const sqlite = (originalCode: string, message: string) => prismaError('P2010', { originalCode, originalMessage: message, kind: 'sqlite', extendedCode: 1, message });

describe('classifyDatabaseError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers bad data that reached the database with a 400 and logs it once as a bug', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cases: Array<[unknown, string]> = [
      [postgres('22021'), '_'],
      [postgres('22P05'), '_'],
      [prismaError('P2010', { originalCode: '22001', kind: 'LengthMismatch', column: 'supplier_sku' }), 'supplierSku'],
      [prismaError('P2010', { originalCode: '22003', kind: 'ValueOutOfRange', cause: 'value "3000000000" is out of range for type integer' }), '_'],
      [prismaError('P2010', { originalCode: '22P02', kind: 'InvalidInputValue' }), '_'],
      [postgres('22007'), '_'],
      [postgres('22008'), '_'],
      [postgres('54000'), '_'],
      [sqlite('SQLITE_TOOBIG', 'string or blob too big'), '_'],
      [sqlite('SQLITE_MISMATCH', 'datatype mismatch'), '_'],
      [sqlite('SQLITE_ERROR', 'integer overflow'), '_'],
    ];
    for (const [error, field] of cases) {
      const answer = classifyDatabaseError(error);
      expect(answer?.code, JSON.stringify(error)).toBe('VALIDATION_FAILED');
      expect(Object.keys(answer?.details.fieldErrors ?? {})).toEqual([field]);
    }
    expect(log).toHaveBeenCalledTimes(cases.length);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^Bug: /);
  });

  it('reads a driver error that escaped without Prisma wrapping it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bare = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { name: 'DriverAdapterError', cause: { originalCode: '22021', kind: 'postgres' } });
    expect(classifyDatabaseError(bare)?.code).toBe('VALIDATION_FAILED');
  });

  it('keeps a busy database a 503 and a unique violation a 409, without logging them', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(classifyDatabaseError(sqlite('SQLITE_BUSY', 'database is locked'))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(classifyDatabaseError(postgres('40001'))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(classifyDatabaseError(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))?.code).toBe('CONFLICT');
    expect(log).not.toHaveBeenCalled();
  });

  it('leaves what nobody foresaw to the 500, even when its message sounds like a database one', () => {
    expect(classifyDatabaseError(new RangeError('offset is out of range'))).toBeUndefined();
    expect(classifyDatabaseError(new TypeError('x is not a function'))).toBeUndefined();
    expect(classifyDatabaseError(postgres('42P01'))).toBeUndefined();
    expect(classifyDatabaseError(null)).toBeUndefined();
    expect(classifyDatabaseError('a string')).toBeUndefined();
  });
});
