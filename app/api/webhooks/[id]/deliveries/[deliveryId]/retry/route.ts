import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { retryWebhookDelivery } from '@/lib/notify/retry-webhook-delivery';
import { webhookDeliverySchema } from '@/lib/notify/webhook-schemas';
import { nudgeInProcessWorker } from '@/lib/notify/worker';

export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string; deliveryId: string }> }) => {
  await authorizeRequest(request, 'users:manage');
  const { id, deliveryId } = await params;
  const delivery = await retryWebhookDelivery({ webhookId: parseId(id, 'Webhook'), deliveryId: parseId(deliveryId, 'Delivery') });
  nudgeInProcessWorker();
  return jsonResponse(webhookDeliverySchema.parse(delivery), { status: 202 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
