import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { updateLocationSchema } from '@/lib/inventory/location-schemas';
import { deleteLocation } from '@/lib/inventory/delete-location';
import { getLocation } from '@/lib/inventory/get-location';
import { presentLocation } from '@/lib/inventory/present-catalog';
import { updateLocation } from '@/lib/inventory/update-location';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Params) => {
  await authorizeRequest(request, 'catalog:read');
  const location = await getLocation({ id: parseId((await params).id, 'Location') });
  return jsonResponse(presentLocation(location));
});

export const PATCH = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const id = parseId((await params).id, 'Location');
  const input = await readJsonBody(request, updateLocationSchema, { maxBytes: 8_192 });
  const location = await updateLocation({ id, input, actorId: actor.id });
  return jsonResponse(presentLocation(location));
});

/** Soft delete; refused (409) for the default location and for one that still holds stock. */
export const DELETE = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  await deleteLocation({ id: parseId((await params).id, 'Location'), actorId: actor.id });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const PUT = POST;
