import { authorizeRequest } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/auth/create-api-token';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { presentApiToken } from '@/lib/auth/present';
import { clientAddress } from '@/lib/auth/rate-limit';
import { apiTokenResponseSchema, tokenExchangeSchema } from '@/lib/auth/schemas';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { pageQuerySchema } from '@/lib/pagination';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Trades an email and password for a new API token (public, rate limited). */
export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, tokenExchangeSchema, { maxBytes: 4_096 });
  const user = await signInWithPassword({ email: input.email, password: input.password, client: clientAddress(request.headers) });
  const token = await createApiToken({ userId: user.id, name: input.name });
  return jsonResponse(token, { status: 201 });
});

/** The caller's own live tokens, never their secrets. */
export const GET = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  const page = parseSearchParams(request.url, pageQuerySchema);
  const { data, nextCursor } = await listApiTokens({ userId: actor.id, ...page });
  return jsonResponse({ data: data.map((token) => apiTokenResponseSchema.parse(presentApiToken(token))), nextCursor });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
