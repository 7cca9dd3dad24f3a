import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { lookupProduct, lookupQuerySchema } from '@/lib/inventory/lookup-product';
import { presentProductDetail } from '@/lib/inventory/present-product';

export const dynamic = 'force-dynamic';

/** What a scanner read: the live product with that barcode, else that SKU (any role). */
export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const { code } = parseSearchParams(request.url, lookupQuerySchema);
  return jsonResponse(presentProductDetail(await lookupProduct({ code })));
});

export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
