import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { shopSettingsResponseSchema, updateShopSettingsSchema } from '@/lib/settings/settings-schemas';
import { updateShopSettings } from '@/lib/settings/update-shop-settings';

export const dynamic = 'force-dynamic';

/** The shop's name, currency and time zone (any role). */
export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  return jsonResponse(shopSettingsResponseSchema.parse(await getShopSettings()));
});

/** Changing them is an ADMIN's: `users:manage` is the permission only admins hold. */
export const PATCH = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const input = await readJsonBody(request, updateShopSettingsSchema, { maxBytes: 4_096 });
  return jsonResponse(shopSettingsResponseSchema.parse(await updateShopSettings({ actorId: actor.id, input })));
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET', 'PATCH']);
export const PUT = POST;
export const DELETE = POST;
