import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { deleteProduct } from '@/lib/inventory/delete-product';
import { getProduct } from '@/lib/inventory/get-product';
import { presentProduct, presentProductDetail } from '@/lib/inventory/present-product';
import { updateProductSchema } from '@/lib/inventory/product-schemas';
import { updateProduct } from '@/lib/inventory/update-product';

type Params = { params: Promise<{ id: string }> };

/** One product with `levels` per location and `suppliers`. */
export const GET = apiRoute(async (request, { params }: Params) => {
  await authorizeRequest(request, 'catalog:read');
  const product = await getProduct({ id: parseId((await params).id, 'Product') });
  return jsonResponse(presentProductDetail(product));
});

export const PATCH = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const id = parseId((await params).id, 'Product');
  const input = await readJsonBody(request, updateProductSchema, { maxBytes: 32_768 });
  const product = await updateProduct({ id, input, actorId: actor.id });
  return jsonResponse(presentProduct(product));
});

/** Soft delete: sets deletedAt; the ledger and the SKU are kept. */
export const DELETE = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  await deleteProduct({ id: parseId((await params).id, 'Product'), actorId: actor.id });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const PUT = POST;
