import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { alertListQuerySchema, listAlerts } from '@/lib/inventory/list-alerts';
import { presentAlert } from '@/lib/inventory/present';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'alerts:read');
  const query = parseSearchParams(request.url, alertListQuerySchema);
  const page = await listAlerts(query);
  return jsonResponse({ data: page.data.map(presentAlert), nextCursor: page.nextCursor });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
