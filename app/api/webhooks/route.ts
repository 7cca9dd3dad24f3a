import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { createWebhook } from '@/lib/notify/create-webhook';
import { listWebhooks } from '@/lib/notify/list-webhooks';
import { createWebhookSchema, newWebhookSchema, webhookSchema } from '@/lib/notify/webhook-schemas';
import { pageQuerySchema } from '@/lib/pagination';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'users:manage');
  const page = parseSearchParams(request.url, pageQuerySchema);
  const { data, nextCursor } = await listWebhooks(page);
  return jsonResponse({ data: data.map((webhook) => webhookSchema.parse(webhook)), nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const input = await readJsonBody(request, createWebhookSchema, { maxBytes: 8_192 });
  const webhook = await createWebhook({ input, actorId: actor.id });
  return jsonResponse(newWebhookSchema.parse(webhook), { status: 201 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
