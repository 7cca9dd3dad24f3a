import { AppError } from '@/lib/errors';

interface ErrorWithCode {
  code?: unknown;
  message?: unknown;
  meta?: unknown;
  cause?: unknown;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as ErrorWithCode | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const message = (current as ErrorWithCode).message;
    if (typeof message === 'string') parts.push(message);
    current = (current as ErrorWithCode).cause;
  }
  return parts.join(' | ');
}

/** A unique constraint refused the write (Prisma P2002, or the driver's own code). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'P2002' || code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** What Prisma's driver adapters report about the engine's error (the same shape on both engines). */
interface DriverCause {
  originalCode?: unknown;
  code?: unknown;
  kind?: unknown;
  column?: unknown;
  originalMessage?: unknown;
  message?: unknown;
}

/**
 * The driver's account of the error: inside a PrismaClientKnownRequestError it is
 * `meta.driverAdapterError.cause`; a DriverAdapterError that escapes unwrapped carries it as `cause`.
 */
function driverCauseOf(error: unknown): DriverCause | undefined {
  const wrapped = (error as { meta?: { driverAdapterError?: { cause?: unknown } } } | null)?.meta?.driverAdapterError?.cause;
  if (wrapped && typeof wrapped === 'object') return wrapped as DriverCause;
  const own = error as { name?: unknown; cause?: unknown } | null;
  if (own?.name === 'DriverAdapterError' && own.cause && typeof own.cause === 'object') return own.cause as DriverCause;
  return undefined;
}

/** The engine's own error code, wherever Prisma's driver adapter put it. */
function driverCodeOf(error: unknown): string | undefined {
  const cause = driverCauseOf(error);
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The database was busy: SQLite's lock was held past the busy timeout, PostgreSQL reported a
 * serialization failure or deadlock, or no transaction could be started in time. Such a
 * write can be tried again; it changed nothing.
 */
export function isRetryableDatabaseError(error: unknown): boolean {
  const code = codeOf(error);
  const driverCode = driverCodeOf(error);
  if (code === 'P1008' || code === 'P2034' || code === '40001' || code === '40P01') return true;
  if (driverCode === '40001' || driverCode === '40P01' || driverCode?.startsWith('SQLITE_BUSY')) return true;
  if (code === 'P2028' && /Unable to start a transaction/i.test(messageChain(error))) return true;
  return /SQLITE_BUSY|database is locked/i.test(messageChain(error));
}

/** Bad data that validation should have refused before the database saw it. */
type DataProblem = 'encoding' | 'tooLong' | 'outOfRange' | 'invalidValue' | 'dateTime';

/**
 * Engine codes (PostgreSQL SQLSTATE, SQLite result codes), Prisma's own codes and the driver
 * adapters' error kinds, each with the problem it means.
 */
const DATA_PROBLEM_BY_CODE: Record<string, DataProblem> = {
  '22021': 'encoding', // invalid byte sequence, such as a NUL in text
  '22P05': 'encoding', // untranslatable character, such as \u0000 in jsonb
  '22001': 'tooLong', // string data right truncation
  '54000': 'tooLong', // program limit exceeded, such as an index row past 2704 bytes
  SQLITE_TOOBIG: 'tooLong',
  P2000: 'tooLong',
  LengthMismatch: 'tooLong',
  '22003': 'outOfRange', // numeric value out of range
  P2020: 'outOfRange',
  P2033: 'outOfRange',
  ValueOutOfRange: 'outOfRange',
  '22P02': 'invalidValue', // invalid text representation
  SQLITE_MISMATCH: 'invalidValue',
  InvalidInputValue: 'invalidValue',
  '22007': 'dateTime', // invalid datetime format
  '22008': 'dateTime', // datetime field overflow
};

const DATA_PROBLEM_MESSAGES: Record<DataProblem, { message: string; field: string }> = {
  encoding: { message: 'Some text holds a character the database cannot store (such as NUL).', field: 'Contains a character that cannot be stored' },
  tooLong: { message: 'A value is longer than the database can store.', field: 'Too long' },
  outOfRange: { message: 'A number is larger than can be stored.', field: 'Too large' },
  invalidValue: { message: 'A value is not of the type the database expects.', field: 'Not a valid value' },
  dateTime: { message: 'A date or time is out of range.', field: 'Not a valid date' },
};

function dataProblemOf(error: unknown): DataProblem | undefined {
  const cause = driverCauseOf(error);
  for (const code of [driverCodeOf(error), cause?.kind, codeOf(error)]) {
    if (typeof code === 'string' && Object.hasOwn(DATA_PROBLEM_BY_CODE, code)) return DATA_PROBLEM_BY_CODE[code];
  }
  // SQLite reports an overflowing sum or abs() as a plain SQLITE_ERROR; only the message tells.
  if (cause === undefined && !/^P\d{4}$/.test(codeOf(error) ?? '')) return undefined;
  const text = [messageChain(error), cause?.originalMessage, cause?.message].filter((part) => typeof part === 'string').join(' | ');
  return /integer overflow|out of range/i.test(text) ? 'outOfRange' : undefined;
}

/**
 * The field to name: the column when the driver reports it (as the API spells it), otherwise
 * the request as a whole: the error alone does not say which input it came from.
 */
function fieldOf(error: unknown): string {
  const column = driverCauseOf(error)?.column;
  return typeof column === 'string' && column ? column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()) : '_';
}

/**
 * Known database conditions, in the error vocabulary of lib/errors. A busy database (503) and
 * a unique violation (409) are expected; bad data that reached the database is a 400 for the
 * caller and a bug for us (validation should have refused it), so it is also logged, here and
 * only here. Anything else is undefined: the caller answers 500.
 */
export function classifyDatabaseError(error: unknown): AppError | undefined {
  if (isRetryableDatabaseError(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is busy. Please try again in a moment.', {
      retryAfterSeconds: 1,
    });
  }
  if (isUniqueViolation(error)) {
    return new AppError('CONFLICT', 'A record with the same unique value already exists.');
  }
  const problem = dataProblemOf(error);
  if (problem) {
    console.error(`Bug: the database refused data that validation let through (${problem}); answered 400`, error);
    const { message, field } = DATA_PROBLEM_MESSAGES[problem];
    return new AppError('VALIDATION_FAILED', message, { fieldErrors: { [fieldOf(error)]: field } });
  }
  return undefined;
}
