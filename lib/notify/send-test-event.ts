import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import { TEST_EVENT_TYPE } from './event-types';
import { newEventId } from './record-events';
import { presentDelivery, type WebhookDeliveryResponse } from './webhook-schemas';

/** Queues a `webhook.test` event for one webhook only, to see it arrive (and in the delivery log). */
export async function sendTestEvent({ webhookId, actorId }: { webhookId: number; actorId: number }): Promise<WebhookDeliveryResponse> {
  const now = new Date();
  return writeTransaction(async (tx) => {
    const event = await tx.notificationEvent.create({
      data: { id: newEventId(), type: TEST_EVENT_TYPE, payload: JSON.stringify({ webhookId, sentBy: actorId, message: 'A test event from Stockroom.' }), createdAt: now },
    });
    const webhook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { active: true } });
    if (!webhook) throw notFound('Webhook');
    if (!webhook.active) throw new AppError('CONFLICT', 'This webhook is paused: resume it to send a test event.');
    const delivery = await tx.webhookDelivery.create({
      data: { webhookId, eventId: event.id, nextAttemptAtMs: BigInt(now.getTime()), createdAt: now },
      include: { event: { select: { type: true } } },
    });
    return presentDelivery(delivery);
  });
}
