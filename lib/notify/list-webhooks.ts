import { db } from '@/lib/db/client';
import { toPage, type Page, type PageQuery } from '@/lib/pagination';
import { presentWebhook, type WebhookResponse } from './webhook-schemas';

/** Webhooks, oldest first. */
export async function listWebhooks({ limit, cursor }: PageQuery): Promise<Page<WebhookResponse>> {
  const rows = await db().webhook.findMany({ where: cursor ? { id: { gt: cursor } } : undefined, orderBy: { id: 'asc' }, take: limit + 1 });
  const page = toPage(rows, limit);
  return { data: page.data.map(presentWebhook), nextCursor: page.nextCursor };
}
