import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import { toPage, type Page, type PageQuery } from '@/lib/pagination';
import { presentDelivery, type WebhookDeliveryResponse } from './webhook-schemas';

/** A webhook's delivery log, newest first. */
export async function listWebhookDeliveries({ webhookId, limit, cursor }: PageQuery & { webhookId: number }): Promise<Page<WebhookDeliveryResponse>> {
  const webhook = await db().webhook.findUnique({ where: { id: webhookId }, select: { id: true } });
  if (!webhook) throw notFound('Webhook');
  const rows = await db().webhookDelivery.findMany({
    where: { webhookId, ...(cursor ? { id: { lt: cursor } } : {}) },
    include: { event: { select: { type: true } } },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  return { data: page.data.map(presentDelivery), nextCursor: page.nextCursor };
}
