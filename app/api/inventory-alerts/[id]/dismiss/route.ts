import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { dismissAlert } from '@/lib/inventory/dismiss-alert';
import { presentAlert } from '@/lib/inventory/present';

export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'alerts:write');
  const alert = await dismissAlert({ id: parseId((await params).id, 'Alert'), actorId: actor.id });
  return jsonResponse(presentAlert(alert));
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
