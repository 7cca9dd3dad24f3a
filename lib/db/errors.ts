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

/** The engine's own error code, wherever Prisma's driver adapter put it. */
function driverCodeOf(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
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

/** A value did not fit its column (PostgreSQL 22003), such as a total past 2^31 - 1. */
function isOutOfRange(error: unknown): boolean {
  return codeOf(error) === 'P2020' || driverCodeOf(error) === '22003' || /out of range/i.test(messageChain(error));
}

/** Known database conditions that are not bugs, in the error vocabulary of lib/errors. */
export function classifyDatabaseError(error: unknown): AppError | undefined {
  if (isRetryableDatabaseError(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is busy. Please try again in a moment.', {
      retryAfterSeconds: 1,
    });
  }
  if (isOutOfRange(error)) {
    return new AppError('VALIDATION_FAILED', 'A number is larger than can be stored.', { fieldErrors: { quantity: 'Too large' } });
  }
  if (isUniqueViolation(error)) {
    return new AppError('CONFLICT', 'A record with the same unique value already exists.');
  }
  return undefined;
}
