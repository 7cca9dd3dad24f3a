import { tokenListQuerySchema } from '@/lib/auth/account-schemas';
import { assertPermission, authorizeRequest } from '@/lib/auth/actor';
import { requestClient } from '@/lib/auth/client-address';
import { createApiToken } from '@/lib/auth/create-api-token';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { presentApiToken } from '@/lib/auth/present';
import { apiTokenResponseSchema, tokenExchangeSchema } from '@/lib/auth/schemas';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Trades an email and password for a new API token (public, throttled like the sign-in page). */
export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, tokenExchangeSchema, { maxBytes: 4_096 });
  const user = await signInWithPassword({ email: input.email, password: input.password, client: requestClient(request.headers) });
  const token = await createApiToken({ userId: user.id, name: input.name, expiresInDays: input.expiresInDays, scope: input.scope });
  return jsonResponse(token, { status: 201 });
});

/** Live tokens, never their secrets: the caller's own, or an ADMIN's look at anyone's (`?userId=`). */
export const GET = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  const { userId, ...page } = parseSearchParams(request.url, tokenListQuerySchema);
  if (userId !== undefined && userId !== actor.id) assertPermission(actor, 'users:read');
  const { data, nextCursor } = await listApiTokens({ userId: userId ?? actor.id, ...page });
  return jsonResponse({ data: data.map((token) => apiTokenResponseSchema.parse(presentApiToken(token))), nextCursor });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
