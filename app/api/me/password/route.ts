import { changePasswordSchema } from '@/lib/auth/account-schemas';
import { authorizeRequest } from '@/lib/auth/actor';
import { changeOwnPassword } from '@/lib/auth/change-own-password';
import { requestClient } from '@/lib/auth/client-address';
import { renewSession } from '@/lib/auth/renew-session';
import { noContent, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * Changes the caller's own password; every other session of theirs ends. A browser calling
 * with its session cookie gets a fresh session under the new password.
 */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  const input = await readJsonBody(request, changePasswordSchema, { maxBytes: 4_096 });
  await changeOwnPassword({ userId: actor.id, input, client: requestClient(request.headers) });
  if (actor.via === 'session') await renewSession({ email: actor.email, password: input.newPassword });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
