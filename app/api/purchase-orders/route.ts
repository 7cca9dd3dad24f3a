import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { createPurchaseOrder } from '@/lib/inventory/purchasing/create-purchase-order';
import { listPurchaseOrders } from '@/lib/inventory/purchasing/list-purchase-orders';
import { presentPurchaseOrder } from '@/lib/inventory/purchasing/present-purchase-order';
import { createPurchaseOrderSchema, purchaseOrderListQuerySchema } from '@/lib/inventory/purchasing/purchase-order-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const query = parseSearchParams(request.url, purchaseOrderListQuerySchema);
  const page = await listPurchaseOrders(query);
  return jsonResponse({ data: page.data.map(presentPurchaseOrder), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'purchasing:write');
  const input = await readJsonBody(request, createPurchaseOrderSchema, { maxBytes: 262_144 });
  const order = await createPurchaseOrder({ input, actorId: actor.id });
  return jsonResponse(presentPurchaseOrder(order), { status: 201 });
});

export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
