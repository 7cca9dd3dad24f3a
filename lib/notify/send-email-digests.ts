import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { db } from '@/lib/db/client';
import { logger } from '@/lib/logger';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { productUrl } from './app-url';

export interface DigestOptions {
  transport: Pick<Transporter, 'sendMail'> & { close?: () => void };
  from: string;
  /** At most one email per user per interval; alerts opened meanwhile wait for the next. */
  intervalMs: number;
  /** Keeps other workers off a user's email while this one writes it. */
  leaseMs: number;
  /** After a refused send, how long the user's email waits before the next try. */
  retryMs: number;
}

export const EMAIL_DIGEST_INTERVAL_MS = 15 * 60_000;

interface AlertLine {
  productId: number;
  sku: string;
  name: string;
  onHand: number;
  reorderLevel: number;
}

/**
 * Low-stock emails: each user with alerts waiting whose last email is at least `intervalMs`
 * old gets one email listing them all (so the first alert goes out at the worker's next
 * poll, and the alerts opened in the interval after an email are grouped into the next
 * one). The user's row is claimed with a lease, so two workers never write the same user's
 * email at once. A user who has since turned emails off, or been disabled, gets nothing and
 * the waiting alerts are dropped. Answers how many emails were sent.
 */
export async function sendEmailDigests(options: DigestOptions): Promise<number> {
  const now = Date.now();
  const due = await db().$queryRaw<Array<{ user_id: number | bigint }>>`
    SELECT "s"."user_id" FROM "email_digest_states" AS "s"
     WHERE ("s"."lease_until_ms" IS NULL OR "s"."lease_until_ms" < ${BigInt(now)})
       AND ("s"."last_sent_at_ms" IS NULL OR "s"."last_sent_at_ms" <= ${BigInt(now - options.intervalMs)})
       AND EXISTS (SELECT 1 FROM "email_notifications" AS "n" WHERE "n"."user_id" = "s"."user_id" AND "n"."sent_at_ms" IS NULL)
     LIMIT 20`;
  let sent = 0;
  for (const row of due) {
    if (await sendDigest(Number(row.user_id), now, options)) sent += 1;
  }
  return sent;
}

async function sendDigest(userId: number, now: number, options: DigestOptions): Promise<boolean> {
  const token = randomUUID();
  const claimed = await db().$executeRaw`
    UPDATE "email_digest_states" SET "lease_until_ms" = ${BigInt(now + options.leaseMs)}, "lease_token" = ${token}
     WHERE "user_id" = ${userId} AND ("lease_until_ms" IS NULL OR "lease_until_ms" < ${BigInt(now)})
       AND ("last_sent_at_ms" IS NULL OR "last_sent_at_ms" <= ${BigInt(now - options.intervalMs)})`;
  if (claimed === 0) return false;
  const waiting = await db().emailNotification.findMany({ where: { userId, sentAtMs: null }, include: { event: true }, orderBy: { id: 'asc' } });
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, name: true, notifyLowStock: true, disabled: true } });
  const wanted = user && user.notifyLowStock && !user.disabled;
  const alerts = waiting.map((item) => alertLine(item.event.payload)).filter((line): line is AlertLine => line !== null);
  if (wanted && alerts.length > 0) {
    const { shopName } = await getShopSettings();
    try {
      await options.transport.sendMail({ from: options.from, to: user.email, ...composeDigest({ shopName, name: user.name, alerts }) });
    } catch (error) {
      logger().warn({ userId, err: error }, 'low-stock email refused by the mail server: trying again later');
      await db().emailDigestState.updateMany({ where: { userId, leaseToken: token }, data: { leaseUntilMs: BigInt(Date.now() + options.retryMs), leaseToken: null } });
      return false;
    }
  }
  const sentAt = BigInt(Date.now());
  await db().$transaction([
    db().emailNotification.updateMany({ where: { id: { in: waiting.map((item) => item.id) } }, data: { sentAtMs: sentAt } }),
    db().emailDigestState.updateMany({
      where: { userId, leaseToken: token },
      data: { leaseUntilMs: null, leaseToken: null, ...(wanted && alerts.length > 0 ? { lastSentAtMs: sentAt } : {}) },
    }),
  ]);
  return Boolean(wanted && alerts.length > 0);
}

function alertLine(payload: string): AlertLine | null {
  const data = JSON.parse(payload) as { alert?: { onHandAtTrigger: number; reorderLevel: number }; product?: { id: number; sku: string; name: string } | null };
  if (!data.alert || !data.product) return null;
  return { productId: data.product.id, sku: data.product.sku, name: data.product.name, onHand: data.alert.onHandAtTrigger, reorderLevel: data.alert.reorderLevel };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** The email: plain text and HTML saying the same, one line per alert with a link to its product. */
export function composeDigest({ shopName, name, alerts }: { shopName: string; name: string; alerts: AlertLine[] }): { subject: string; text: string; html: string } {
  const subject =
    alerts.length === 1 ? `${shopName}: low stock on ${alerts[0]!.sku} ${alerts[0]!.name}` : `${shopName}: low stock on ${alerts.length} products`;
  const intro = alerts.length === 1 ? 'This product fell below its reorder level:' : `These ${alerts.length} products fell below their reorder levels:`;
  const text = [
    `Hello ${name},`,
    '',
    intro,
    '',
    ...alerts.map((alert) => `- ${alert.sku} ${alert.name}: ${alert.onHand} on hand, reorder level ${alert.reorderLevel}\n  ${productUrl(alert.productId)}`),
    '',
    'You get these emails because you turned on low-stock emails in Settings, My account.',
  ].join('\n');
  const items = alerts
    .map(
      (alert) =>
        `<li><a href="${escapeHtml(productUrl(alert.productId))}">${escapeHtml(alert.sku)} ${escapeHtml(alert.name)}</a>: ${alert.onHand} on hand, reorder level ${alert.reorderLevel}</li>`,
    )
    .join('');
  const html = `<p>Hello ${escapeHtml(name)},</p><p>${escapeHtml(intro)}</p><ul>${items}</ul><p style="color:#64748b">You get these emails because you turned on low-stock emails in Settings, My account.</p>`;
  return { subject, text, html };
}
