import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { environment } from '@/lib/env';
import { logger } from '@/lib/logger';
import { destinationPolicy, type DestinationPolicy } from './destination';
import type { WebhookFormat } from './event-types';
import { renderDelivery } from './render-delivery';
import { openSecret } from './secret-box';
import { sendWebhookRequest, type SendOutcome } from './send-webhook';

export interface DeliveryOptions {
  /** Delay after each failed attempt; one attempt more than there are delays, then FAILED. */
  retryDelaysMs: number[];
  /** A receiver that has not answered by then has failed the attempt. */
  timeoutMs: number;
  /** How long a claim keeps other workers off a delivery: longer than an attempt can take. */
  leaseMs: number;
  policy: DestinationPolicy;
  /** How many deliveries one call claims (and sends at once). */
  batchSize?: number;
}

export function deliveryOptionsFromEnvironment(): DeliveryOptions {
  const env = environment();
  // Twice the deadline: an attempt is over (answered, failed or timed out) well within its lease.
  return { retryDelaysMs: env.WEBHOOK_RETRY_DELAYS_MS, timeoutMs: env.WEBHOOK_TIMEOUT_MS, leaseMs: 2 * env.WEBHOOK_TIMEOUT_MS, policy: destinationPolicy() };
}

/**
 * Sends the deliveries that are due, once each: claims them with a lease in one statement
 * (only rows whose lease has expired, so two workers, in one process or many, never hold the
 * same delivery at once), sends, and records the outcome under that lease. A worker killed
 * mid-attempt leaves its lease to expire; the next worker sends the same event again with
 * the same `webhook-id`, so the receiver can tell. Answers how many attempts were made.
 */
export async function deliverDueWebhooks(options: DeliveryOptions): Promise<number> {
  const now = Date.now();
  // An idle poll only reads: on SQLite the claiming UPDATE would take the write lock every poll.
  const due = await db().webhookDelivery.findFirst({ where: { status: 'PENDING', nextAttemptAtMs: { lte: BigInt(now) } }, select: { id: true } });
  if (!due) return 0;
  const token = randomUUID();
  const claimed = await db().$queryRaw<Array<{ id: number | bigint }>>`
    UPDATE "webhook_deliveries" SET "lease_until_ms" = ${BigInt(now + options.leaseMs)}, "lease_token" = ${token}
     WHERE "id" IN (
             SELECT "d"."id" FROM "webhook_deliveries" AS "d" JOIN "webhooks" AS "w" ON "w"."id" = "d"."webhook_id"
              WHERE "d"."status" = 'PENDING' AND "d"."next_attempt_at_ms" <= ${BigInt(now)}
                AND ("d"."lease_until_ms" IS NULL OR "d"."lease_until_ms" < ${BigInt(now)}) AND "w"."active" = true
              ORDER BY "d"."next_attempt_at_ms" LIMIT ${options.batchSize ?? 10})
       AND "status" = 'PENDING' AND ("lease_until_ms" IS NULL OR "lease_until_ms" < ${BigInt(now)})
    RETURNING "id"`;
  if (claimed.length === 0) return 0;
  const deliveries = await db().webhookDelivery.findMany({
    where: { id: { in: claimed.map((row) => Number(row.id)) }, leaseToken: token },
    include: { webhook: true, event: true },
  });
  await Promise.all(deliveries.map((delivery) => attempt(delivery, token, options)));
  return deliveries.length;
}

type ClaimedDelivery = Prisma.WebhookDeliveryGetPayload<{ include: { webhook: true; event: true } }>;

async function attempt(delivery: ClaimedDelivery, token: string, options: DeliveryOptions): Promise<void> {
  let outcome: SendOutcome;
  try {
    const secret = openSecret(delivery.webhook.secretCiphertext);
    const { headers, body } = renderDelivery({ event: delivery.event, format: delivery.webhook.format as WebhookFormat, secret, now: new Date() });
    outcome = await sendWebhookRequest({ url: delivery.webhook.url, headers, body, timeoutMs: options.timeoutMs, policy: options.policy });
  } catch (error) {
    // The secret no longer opens (AUTH_SECRET changed since the webhook was saved): an
    // attempt that failed, recorded like any other.
    outcome = { ok: false, statusCode: null, error: `Could not sign: ${(error as Error).message}` };
  }
  const attempts = delivery.attempts + 1;
  const exhausted = !outcome.ok && attempts > options.retryDelaysMs.length;
  const finishedAt = Date.now();
  const written = await db().webhookDelivery.updateMany({
    where: { id: delivery.id, leaseToken: token },
    data: {
      status: outcome.ok ? 'SUCCEEDED' : exhausted ? 'FAILED' : 'PENDING',
      attempts,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error?.slice(0, 500) ?? null,
      ...(outcome.ok || exhausted ? {} : { nextAttemptAtMs: BigInt(finishedAt + options.retryDelaysMs[attempts - 1]!) }),
      leaseUntilMs: null,
      leaseToken: null,
    },
  });
  const line = { deliveryId: delivery.id, webhookId: delivery.webhookId, eventId: delivery.eventId, attempts, statusCode: outcome.statusCode };
  if (written.count === 0) logger().warn(line, 'webhook delivery outlived its lease: another worker may have sent it again');
  else if (!outcome.ok) logger().warn({ ...line, error: outcome.error, final: exhausted }, 'webhook delivery failed');
}
