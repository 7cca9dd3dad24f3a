import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { sendTestEvent } from '@/lib/notify/send-test-event';
import { webhookDeliverySchema } from '@/lib/notify/webhook-schemas';
import { nudgeInProcessWorker } from '@/lib/notify/worker';

export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const webhookId = parseId((await params).id, 'Webhook');
  const delivery = await sendTestEvent({ webhookId, actorId: actor.id });
  nudgeInProcessWorker();
  return jsonResponse(webhookDeliverySchema.parse(delivery), { status: 202 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
