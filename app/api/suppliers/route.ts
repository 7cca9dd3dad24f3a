import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { createSupplierSchema, supplierListQuerySchema } from '@/lib/inventory/supplier-schemas';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { listSuppliers } from '@/lib/inventory/list-suppliers';
import { presentSupplier } from '@/lib/inventory/present-catalog';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const query = parseSearchParams(request.url, supplierListQuerySchema);
  const page = await listSuppliers(query);
  return jsonResponse({ data: page.data.map(presentSupplier), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const input = await readJsonBody(request, createSupplierSchema, { maxBytes: 16_384 });
  const supplier = await createSupplier({ input, actorId: actor.id });
  return jsonResponse(presentSupplier(supplier), { status: 201 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
