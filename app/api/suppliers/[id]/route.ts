import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { getSupplier } from '@/lib/inventory/get-supplier';
import { presentSupplier } from '@/lib/inventory/present-catalog';
import { updateSupplier } from '@/lib/inventory/update-supplier';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Params) => {
  await authorizeRequest(request, 'catalog:read');
  const supplier = await getSupplier({ id: parseId((await params).id, 'Supplier') });
  return jsonResponse(presentSupplier(supplier));
});

export const PATCH = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const id = parseId((await params).id, 'Supplier');
  const input = await readJsonBody(request, updateSupplierSchema, { maxBytes: 16_384 });
  const supplier = await updateSupplier({ id, input, actorId: actor.id });
  return jsonResponse(presentSupplier(supplier));
});

/** Soft delete: product links are kept as history but no longer shown. */
export const DELETE = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  await deleteSupplier({ id: parseId((await params).id, 'Supplier'), actorId: actor.id });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const PUT = POST;
