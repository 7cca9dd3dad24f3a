import { createHash } from 'node:crypto';
import type { Transaction } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';

/** A POST carrying Idempotency-Key: who sent it, the key, and a hash of what was asked. */
export interface IdempotencyRequest {
  userId: number;
  key: string;
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** Keys are kept at least 24 hours (API.md); older ones are purged after 48. */
const RETENTION_MS = 48 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
let lastPurgeAt = 0;

/** Hash of the method, the path and the validated body: the same request hashes the same. */
export function hashIdempotentRequest({ method, path, body }: { method: string; path: string; body: unknown }): string {
  return createHash('sha256').update(JSON.stringify([method.toUpperCase(), path, body])).digest('hex');
}

/** Thrown inside the transaction when a concurrent request holds the key; nothing was written. */
export class IdempotencyKeyTaken extends Error {
  override readonly name = 'IdempotencyKeyTaken';
}

/** The earlier answer for this key, or a 409 when the key was used for another request. */
export async function findStoredAnswer(request: IdempotencyRequest): Promise<StoredAnswer | undefined> {
  const record = await db().idempotencyRecord.findUnique({
    where: { userId_key: { userId: request.userId, key: request.key } },
  });
  if (!record) return undefined;
  if (record.requestHash !== request.requestHash) {
    throw new AppError('CONFLICT', 'This Idempotency-Key was already used with a different request.', {
      fieldErrors: { 'Idempotency-Key': 'Already used with a different request' },
    });
  }
  return { status: record.responseStatus, body: JSON.parse(record.responseBody) as unknown };
}

/**
 * Claims the key as the transaction's first statement (a write). A concurrent request with
 * the same key waits on the unique index and then fails here, before it changes anything.
 */
export async function claimIdempotencyKey(tx: Transaction, request: IdempotencyRequest, now: Date): Promise<number> {
  try {
    const record = await tx.idempotencyRecord.create({
      data: { userId: request.userId, key: request.key, requestHash: request.requestHash, responseStatus: 0, responseBody: 'null', createdAt: now },
      select: { id: true },
    });
    return record.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new IdempotencyKeyTaken();
    throw error;
  }
}

export async function storeIdempotentAnswer(tx: Transaction, recordId: number, answer: StoredAnswer): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { id: recordId },
    data: { responseStatus: answer.status, responseBody: JSON.stringify(answer.body) },
  });
}

/** Removes keys past their retention, at most once an hour per process, outside any request's transaction. */
export async function purgeExpiredIdempotencyKeys(now = Date.now()): Promise<void> {
  if (now - lastPurgeAt < PURGE_INTERVAL_MS) return;
  lastPurgeAt = now;
  await db().idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - RETENTION_MS) } } });
}
