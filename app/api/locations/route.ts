import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { createLocationSchema, locationListQuerySchema } from '@/lib/inventory/location-schemas';
import { createLocation } from '@/lib/inventory/create-location';
import { listLocations } from '@/lib/inventory/list-locations';
import { presentLocation } from '@/lib/inventory/present-catalog';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const query = parseSearchParams(request.url, locationListQuerySchema);
  const page = await listLocations(query);
  return jsonResponse({ data: page.data.map(presentLocation), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const input = await readJsonBody(request, createLocationSchema, { maxBytes: 8_192 });
  const location = await createLocation({ input, actorId: actor.id });
  return jsonResponse(presentLocation(location), { status: 201 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
