import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { sealSecret } from './secret-box';
import { generateWebhookSecret } from './sign-webhook';
import { presentWebhook, type CreateWebhookInput, type WebhookResponse } from './webhook-schemas';

/** Adds a webhook; answers it with its signing secret, which is never shown again. */
export async function createWebhook({ input, actorId }: { input: CreateWebhookInput; actorId: number }): Promise<WebhookResponse & { secret: string }> {
  const secret = generateWebhookSecret();
  const webhook = await writeTransaction(async (tx) => {
    const created = await tx.webhook.create({
      data: { url: input.url, events: JSON.stringify(input.events), format: input.format, description: input.description, secretCiphertext: sealSecret(secret) },
    });
    await recordAudit(tx, { actorId, action: 'CREATE', entity: 'Webhook', entityId: created.id, after: presentWebhook(created) });
    return created;
  });
  return { ...presentWebhook(webhook), secret };
}
