import { authorizeRequest } from '@/lib/auth/actor';
import { idempotencyFromRequest } from '@/lib/http/idempotency-key';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { movementBatchEnvelopeSchema, parseMovementBatch } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';

export const dynamic = 'force-dynamic';

/** Up to 1000 movements, all or none, in one transaction; errors are keyed by row ("3.quantity"). */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'movements:write');
  const body = await readJsonBody(request, movementBatchEnvelopeSchema, { maxBytes: 1_000_000 });
  const movements = parseMovementBatch(body.movements);
  const idempotency = idempotencyFromRequest(request, actor.id, { movements });
  const { answer, replayed } = await postMovements({ movements, actorId: actor.id, batch: true, idempotency });
  return jsonResponse({ data: answer.data }, { status: 201, headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
