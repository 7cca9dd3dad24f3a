import { authorizeRequest } from '@/lib/auth/actor';
import { idempotencyFromRequest } from '@/lib/http/idempotency-key';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { listMovements, movementListQuerySchema } from '@/lib/inventory/list-movements';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { presentMovement } from '@/lib/inventory/present';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'movements:write');
  const input = await readJsonBody(request, movementInputSchema, { maxBytes: 16_384 });
  const idempotency = idempotencyFromRequest(request, actor.id, input);
  const { answer, replayed } = await postMovements({ movements: [input], actorId: actor.id, idempotency });
  return jsonResponse(answer, { status: 201, headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
});

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'movements:read');
  const { limit, cursor, ...filter } = parseSearchParams(request.url, movementListQuerySchema);
  const page = await listMovements({ filter, limit, cursor });
  return jsonResponse({ data: page.data.map(presentMovement), nextCursor: page.nextCursor });
});

/** The ledger is append-only: no way to change or remove a movement. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
