import { authorizeRequest } from '@/lib/auth/actor';
import { idempotencyFromRequest } from '@/lib/http/idempotency-key';
import { jsonResponse, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { receivePurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { receivePurchaseOrder } from '@/lib/inventory/purchasing/receive-purchase-order';

/** A clerk's door too: receiving is posting receipts, which a CLERK may do. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(request, 'movements:write');
  const id = parseId((await params).id, 'Purchase order');
  const input = await readJsonBody(request, receivePurchaseOrderSchema, { maxBytes: 65_536 });
  const idempotency = idempotencyFromRequest(request, actor.id, input);
  const { answer, replayed } = await receivePurchaseOrder({ id, input, actorId: actor.id, idempotency });
  return jsonResponse(answer, { status: 201, headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
