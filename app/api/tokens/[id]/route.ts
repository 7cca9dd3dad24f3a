import { authorizeRequest } from '@/lib/auth/actor';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { noContent, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const DELETE = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'catalog:read');
  const tokenId = parseId((await params).id, 'API token');
  await revokeApiToken({ userId: actor.id, tokenId });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['DELETE']);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
