import { authorizeRequest } from '@/lib/auth/actor';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { can } from '@/lib/auth/roles';
import { noContent, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

/** Revokes one's own token; an ADMIN may revoke anyone's. */
export const DELETE = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  const tokenId = parseId((await params).id, 'API token');
  await revokeApiToken({ userId: actor.id, tokenId, anyOwner: can(actor.role, 'users:manage') });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['DELETE']);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
