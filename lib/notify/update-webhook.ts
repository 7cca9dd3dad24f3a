import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound } from '@/lib/errors';
import { presentWebhook, type UpdateWebhookInput, type WebhookResponse } from './webhook-schemas';

/** Changes a webhook's URL, events, description, or pauses (`active: false`) and resumes it. */
export async function updateWebhook({ id, input, actorId }: { id: number; input: UpdateWebhookInput; actorId: number }): Promise<WebhookResponse> {
  return writeTransaction(async (tx) => {
    const data = {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: JSON.stringify(input.events) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    // The write comes first (SQLite: a transaction's first statement must be a write).
    const { count } = await tx.webhook.updateMany({ where: { id }, data: { updatedAt: new Date() } });
    if (count === 0) throw notFound('Webhook');
    const before = await tx.webhook.findUniqueOrThrow({ where: { id } });
    const after = await tx.webhook.update({ where: { id }, data });
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'Webhook', entityId: id, before: presentWebhook(before), after: presentWebhook(after) });
    return presentWebhook(after);
  });
}
