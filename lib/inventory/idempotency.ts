import { createHash } from 'node:crypto';
import type { Transaction } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
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

/** The earlier answer for this key, or a 409 when the key was used for another request. */
export async function findStoredAnswer(request: IdempotencyRequest): Promise<StoredAnswer | undefined> {
  const record = await db().idempotencyRecord.findUnique({
    where: { userId_key: { userId: request.userId, key: request.key } },
  });
  if (!record) return undefined;
  if (record.requestHash !== request.requestHash) throw keyReusedForAnotherRequest();
  return { status: record.responseStatus, body: JSON.parse(record.responseBody) as unknown };
}

export function keyReusedForAnotherRequest(): AppError {
  return new AppError('CONFLICT', 'This Idempotency-Key was already used with a different request.', {
    fieldErrors: { 'Idempotency-Key': 'Already used with a different request' },
  });
}

/** Identifies a key among a group's requests: a user's keys are their own. */
export function idempotencySlot(request: Pick<IdempotencyRequest, 'userId' | 'key'>): string {
  return `${request.userId}\n${request.key}`;
}

/**
 * Claims keys as one of the transaction's first statements (a write), in one global order
 * (user, then key) so that two groups claiming overlapping keys on PostgreSQL wait for each
 * other rather than deadlock. Returns the record id of each key claimed, by idempotencySlot();
 * a key missing from the answer is held by an earlier request (committed, or on PostgreSQL
 * committed while this statement waited for it), and that request's answer is the one to give.
 * ON CONFLICT DO NOTHING rather than catching the unique violation: on PostgreSQL a failed
 * statement would abort the whole group's transaction.
 */
export async function claimIdempotencyKeys(tx: Transaction, requests: IdempotencyRequest[], now: Date): Promise<Map<string, number>> {
  if (requests.length === 0) return new Map();
  const ordered = [...requests].sort((a, b) => a.userId - b.userId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const values = Prisma.join(ordered.map((request) => Prisma.sql`(${request.userId}, ${request.key}, ${request.requestHash}, 0, 'null', ${now})`));
  const rows = await tx.$queryRaw<Array<{ id: number | bigint; user_id: number | bigint; key: string }>>`
    INSERT INTO "idempotency_records" ("user_id", "key", "request_hash", "response_status", "response_body", "created_at") VALUES ${values}
    ON CONFLICT ("user_id", "key") DO NOTHING
    RETURNING "id", "user_id", "key"`;
  return new Map(rows.map((row) => [idempotencySlot({ userId: Number(row.user_id), key: row.key }), Number(row.id)]));
}

/** Stores the answers of claimed keys, in one statement. */
export async function storeIdempotentAnswers(tx: Transaction, answers: Array<{ recordId: number; answer: StoredAnswer }>): Promise<void> {
  if (answers.length === 0) return;
  const statuses = Prisma.join(answers.map(({ recordId, answer }) => Prisma.sql`WHEN ${recordId} THEN CAST(${answer.status} AS INTEGER)`), ' ');
  const bodies = Prisma.join(answers.map(({ recordId, answer }) => Prisma.sql`WHEN ${recordId} THEN CAST(${JSON.stringify(answer.body)} AS TEXT)`), ' ');
  await tx.$executeRaw`
    UPDATE "idempotency_records" SET "response_status" = CASE "id" ${statuses} END, "response_body" = CASE "id" ${bodies} END
     WHERE "id" IN (${Prisma.join(answers.map(({ recordId }) => recordId))})`;
}

/** Gives back keys claimed by requests of the group that failed: they wrote nothing, so a retry may use the key. */
export async function releaseIdempotencyKeys(tx: Transaction, recordIds: number[]): Promise<void> {
  if (recordIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM "idempotency_records" WHERE "id" IN (${Prisma.join(recordIds)})`;
}

/** Removes keys past their retention, at most once an hour per process, outside any request's transaction. */
export async function purgeExpiredIdempotencyKeys(now = Date.now()): Promise<void> {
  if (now - lastPurgeAt < PURGE_INTERVAL_MS) return;
  lastPurgeAt = now;
  await db().idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - RETENTION_MS) } } });
}
