import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound } from '@/lib/errors';
import { presentWebhook } from './webhook-schemas';

/** Removes a webhook and its delivery log; the audit trail keeps what it was. */
export async function deleteWebhook({ id, actorId }: { id: number; actorId: number }): Promise<void> {
  await writeTransaction(async (tx) => {
    // The write comes first (SQLite: a transaction's first statement must be a write).
    await tx.webhookDelivery.deleteMany({ where: { webhookId: id } });
    const before = await tx.webhook.findUnique({ where: { id } });
    if (!before) throw notFound('Webhook');
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, { actorId, action: 'DELETE', entity: 'Webhook', entityId: id, before: presentWebhook(before) });
  });
}
