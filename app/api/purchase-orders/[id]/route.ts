import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { getPurchaseOrder } from '@/lib/inventory/purchasing/get-purchase-order';
import { presentPurchaseOrder } from '@/lib/inventory/purchasing/present-purchase-order';
import { updatePurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { updatePurchaseOrder } from '@/lib/inventory/purchasing/update-purchase-order';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Params) => {
  await authorizeRequest(request, 'catalog:read');
  const order = await getPurchaseOrder({ id: parseId((await params).id, 'Purchase order') });
  return jsonResponse(presentPurchaseOrder(order));
});

/** A draft only: once ordered, an order changes by receiving or cancelling it (409). */
export const PATCH = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'purchasing:write');
  const id = parseId((await params).id, 'Purchase order');
  const input = await readJsonBody(request, updatePurchaseOrderSchema, { maxBytes: 262_144 });
  const order = await updatePurchaseOrder({ id, input, actorId: actor.id });
  return jsonResponse(presentPurchaseOrder(order));
});

/** Orders are cancelled (POST .../cancel), never deleted: their history stays. */
export const POST = methodNotAllowed(['GET', 'PATCH']);
export const PUT = POST;
export const DELETE = POST;
