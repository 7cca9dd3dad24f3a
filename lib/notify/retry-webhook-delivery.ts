import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import { presentDelivery, type WebhookDeliveryResponse } from './webhook-schemas';

/**
 * Makes a delivery due now, whatever its status: the worker's next poll sends it again (with
 * the same webhook-id). A failed delivery gets one more attempt; a lease held by a worker
 * sending it right now is left alone, so the retry follows that attempt rather than racing it.
 */
export async function retryWebhookDelivery({ webhookId, deliveryId }: { webhookId: number; deliveryId: number }): Promise<WebhookDeliveryResponse> {
  const { count } = await db().webhookDelivery.updateMany({
    where: { id: deliveryId, webhookId },
    data: { status: 'PENDING', nextAttemptAtMs: BigInt(Date.now()) },
  });
  if (count === 0) throw notFound('Delivery');
  const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { event: { select: { type: true } } } });
  return presentDelivery(delivery);
}
