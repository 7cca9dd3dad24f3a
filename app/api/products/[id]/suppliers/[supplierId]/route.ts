import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { linkProductSupplier, productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { presentProductSupplier } from '@/lib/inventory/present-product';
import { unlinkProductSupplier } from '@/lib/inventory/unlink-product-supplier';

type Params = { params: Promise<{ id: string; supplierId: string }> };

/** Link the supplier to the product, or replace the link. */
export const PUT = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const { id, supplierId } = await params;
  const productId = parseId(id, 'Product');
  const supplier = parseId(supplierId, 'Supplier');
  const input = await readJsonBody(request, productSupplierLinkSchema, { maxBytes: 8_192 });
  const link = await linkProductSupplier({ productId, supplierId: supplier, input, actorId: actor.id });
  return jsonResponse({ productId, ...presentProductSupplier(link) });
});

export const DELETE = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const { id, supplierId } = await params;
  await unlinkProductSupplier({ productId: parseId(id, 'Product'), supplierId: parseId(supplierId, 'Supplier'), actorId: actor.id });
  return noContent();
});

export const GET = methodNotAllowed(['PUT', 'DELETE']);
export const POST = GET;
export const PATCH = GET;
