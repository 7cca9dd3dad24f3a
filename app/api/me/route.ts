import { updateMeSchema, meResponseSchema } from '@/lib/auth/account-schemas';
import { authorizeRequest } from '@/lib/auth/actor';
import { getAccount } from '@/lib/auth/get-account';
import { presentMe } from '@/lib/auth/present';
import { updateMe } from '@/lib/auth/update-me';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Who the caller is. */
export const GET = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  return jsonResponse(meResponseSchema.parse(presentMe(await getAccount({ userId: actor.id }))));
});

/** One's own name and email preference (any role; a read-only token may not). */
export const PATCH = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  const input = await readJsonBody(request, updateMeSchema, { maxBytes: 4_096 });
  return jsonResponse(meResponseSchema.parse(presentMe(await updateMe({ userId: actor.id, input }))));
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET', 'PATCH']);
export const PUT = POST;
export const DELETE = POST;
