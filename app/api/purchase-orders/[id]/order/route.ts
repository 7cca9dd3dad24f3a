import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { markPurchaseOrderOrdered } from '@/lib/inventory/purchasing/mark-purchase-order-ordered';
import { presentPurchaseOrder } from '@/lib/inventory/purchasing/present-purchase-order';

/** DRAFT -> ORDERED; 409 from any other status. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'purchasing:write');
  const order = await markPurchaseOrderOrdered({ id: parseId((await params).id, 'Purchase order'), actorId: actor.id });
  return jsonResponse(presentPurchaseOrder(order));
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
