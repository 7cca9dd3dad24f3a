import { authorizeRequest } from '@/lib/auth/actor';
import { createUser } from '@/lib/auth/create-user';
import { listUsers } from '@/lib/auth/list-users';
import { presentUser } from '@/lib/auth/present';
import { createUserSchema, userResponseSchema } from '@/lib/auth/schemas';
import { pageQuerySchema } from '@/lib/pagination';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'users:read');
  const page = parseSearchParams(request.url, pageQuerySchema);
  const { data, nextCursor } = await listUsers(page);
  return jsonResponse({ data: data.map((user) => userResponseSchema.parse(presentUser(user))), nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const input = await readJsonBody(request, createUserSchema, { maxBytes: 8_192 });
  const user = await createUser({ input, actorId: actor.id });
  return jsonResponse(userResponseSchema.parse(presentUser(user)), { status: 201 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
