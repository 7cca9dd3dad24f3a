import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { listReplenishment, presentReplenishmentRow } from '@/lib/inventory/purchasing/list-replenishment';
import { replenishmentQuerySchema } from '@/lib/inventory/purchasing/purchase-order-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'replenishment:read');
  const query = parseSearchParams(request.url, replenishmentQuerySchema);
  const page = await listReplenishment(query);
  return jsonResponse({ data: page.data.map(presentReplenishmentRow), nextCursor: page.nextCursor });
});

export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
