import { setPasswordSchema } from '@/lib/auth/account-schemas';
import { authorizeRequest } from '@/lib/auth/actor';
import { setUserPassword } from '@/lib/auth/set-user-password';
import { noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

/** An ADMIN sets a user's password; every session of that user ends. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const id = parseId((await params).id, 'User');
  const input = await readJsonBody(request, setPasswordSchema, { maxBytes: 4_096 });
  await setUserPassword({ id, input, actorId: actor.id });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
