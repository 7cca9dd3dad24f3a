import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { bulkCreateProducts, bulkProductsEnvelopeSchema } from '@/lib/inventory/bulk-create-products';
import { presentProduct } from '@/lib/inventory/present-product';

export const dynamic = 'force-dynamic';

/**
 * Up to 1000 products, all or none; errors keyed by row ("3.sku"). 1000 full products with
 * long descriptions fit well inside 5 MB; anything larger is 413.
 */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const { products } = await readJsonBody(request, bulkProductsEnvelopeSchema, { maxBytes: 5_000_000 });
  const created = await bulkCreateProducts({ products, actorId: actor.id });
  return jsonResponse({ data: created.map(presentProduct) }, { status: 201 });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
