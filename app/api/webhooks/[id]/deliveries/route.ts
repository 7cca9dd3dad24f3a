import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { listWebhookDeliveries } from '@/lib/notify/list-webhook-deliveries';
import { webhookDeliverySchema } from '@/lib/notify/webhook-schemas';
import { pageQuerySchema } from '@/lib/pagination';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await authorizeRequest(request, 'users:manage');
  const webhookId = parseId((await params).id, 'Webhook');
  const page = parseSearchParams(request.url, pageQuerySchema);
  const { data, nextCursor } = await listWebhookDeliveries({ webhookId, ...page });
  return jsonResponse({ data: data.map((delivery) => webhookDeliverySchema.parse(delivery)), nextCursor });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
