import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { cancelPurchaseOrder } from '@/lib/inventory/purchasing/cancel-purchase-order';
import { presentPurchaseOrder } from '@/lib/inventory/purchasing/present-purchase-order';

/** DRAFT, or ORDERED with nothing received, -> CANCELLED; 409 otherwise. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'purchasing:write');
  const order = await cancelPurchaseOrder({ id: parseId((await params).id, 'Purchase order'), actorId: actor.id });
  return jsonResponse(presentPurchaseOrder(order));
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
