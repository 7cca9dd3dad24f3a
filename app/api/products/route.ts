import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { createProduct } from '@/lib/inventory/create-product';
import { listProducts, productListQuerySchema } from '@/lib/inventory/list-products';
import { presentProduct } from '@/lib/inventory/present-product';
import { createProductSchema } from '@/lib/inventory/product-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const { sort, limit, cursor, offset, ...filter } = parseSearchParams(request.url, productListQuerySchema);
  const page = await listProducts({ filter, sort, limit, cursor, offset });
  return jsonResponse({ data: page.data.map(presentProduct), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const input = await readJsonBody(request, createProductSchema, { maxBytes: 32_768 });
  const product = await createProduct({ input, actorId: actor.id });
  return jsonResponse(presentProduct(product), { status: 201 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
