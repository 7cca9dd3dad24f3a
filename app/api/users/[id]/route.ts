import { authorizeRequest } from '@/lib/auth/actor';
import { presentUser } from '@/lib/auth/present';
import { updateUserSchema, userResponseSchema } from '@/lib/auth/schemas';
import { updateUser } from '@/lib/auth/update-user';
import { jsonResponse, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const PATCH = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const id = parseId((await params).id, 'User');
  const input = await readJsonBody(request, updateUserSchema, { maxBytes: 8_192 });
  const user = await updateUser({ id, input, actorId: actor.id });
  return jsonResponse(userResponseSchema.parse(presentUser(user)));
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['PATCH']);
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
