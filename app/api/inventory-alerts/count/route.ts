import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { countActiveAlerts } from '@/lib/inventory/count-active-alerts';

export const dynamic = 'force-dynamic';

/** The number the navigation badge shows; polled by the app, cheap enough to call often. */
export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'alerts:read');
  return jsonResponse({ active: await countActiveAlerts() });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
