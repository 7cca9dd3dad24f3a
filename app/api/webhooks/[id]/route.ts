import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { deleteWebhook } from '@/lib/notify/delete-webhook';
import { updateWebhook } from '@/lib/notify/update-webhook';
import { updateWebhookSchema, webhookSchema } from '@/lib/notify/webhook-schemas';

export const PATCH = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const id = parseId((await params).id, 'Webhook');
  const input = await readJsonBody(request, updateWebhookSchema, { maxBytes: 8_192 });
  return jsonResponse(webhookSchema.parse(await updateWebhook({ id, input, actorId: actor.id })));
});

export const DELETE = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const id = parseId((await params).id, 'Webhook');
  await deleteWebhook({ id, actorId: actor.id });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['PATCH', 'DELETE']);
export const POST = GET;
export const PUT = GET;
