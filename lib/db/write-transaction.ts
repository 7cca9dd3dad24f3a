import { AppError } from '@/lib/errors';
import { db, databaseEngine, type Transaction } from './client';
import { isRetryableDatabaseError } from './errors';

const MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 15;

/**
 * Runs one short write transaction. A write that meets a busy database (SQLite's lock held
 * past the busy timeout, a PostgreSQL deadlock or serialization failure, no transaction slot
 * in time) changed nothing and is retried a bounded number of times with jittered backoff;
 * then it is answered 503 with Retry-After, never 500. Expected failures (AppError) roll the
 * transaction back and pass through untouched.
 *
 * On SQLite every caller's first statement in `work` must be a write: a deferred
 * transaction that reads first cannot safely upgrade to a writer under WAL.
 */
export async function writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  // Prisma's SQLite adapter queues transactions of one process behind a mutex, so the wait for
  // a slot grows with concurrency; PostgreSQL has a pool and needs less.
  const maxWait = databaseEngine() === 'sqlite' ? 30_000 : 10_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().$transaction(work, { maxWait, timeout: 30_000 });
    } catch (error) {
      if (!isRetryableDatabaseError(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError('SERVICE_UNAVAILABLE', 'The database is busy. Please try again in a moment.', { retryAfterSeconds: 1 });
      }
      const backoff = BASE_BACKOFF_MS * 2 ** attempt * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}
