import { authorizeRequest } from '@/lib/auth/actor';
import { idempotencyFromRequest } from '@/lib/http/idempotency-key';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { movementBatchSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';

export const dynamic = 'force-dynamic';

/** Up to 1000 movements, all or none, in one transaction; errors are keyed by row ("3.quantity"). */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'movements:write');
  const input = await readJsonBody(request, movementBatchSchema, { maxBytes: 1_000_000 });
  const idempotency = idempotencyFromRequest(request, actor.id, input);
  const { answer, replayed } = await postMovements({ movements: input.movements, actorId: actor.id, batch: true, idempotency });
  return jsonResponse({ data: answer.data }, { status: 201, headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
