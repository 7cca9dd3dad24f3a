import { authorizeRequest } from '@/lib/auth/actor';
import { idempotencyFromRequest } from '@/lib/http/idempotency-key';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { archiveLedger, archiveLedgerInputSchema } from '@/lib/inventory/ledger/archive-ledger';

export const dynamic = 'force-dynamic';

/**
 * Archives the ledger before a day (API.md, "Archiving old ledger rows"). An ADMIN's: no role
 * but ADMIN holds users:manage, the permission for what only an administrator may do.
 */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'users:manage');
  const input = await readJsonBody(request, archiveLedgerInputSchema, { maxBytes: 1_024 });
  const idempotency = idempotencyFromRequest(request, actor.id, input);
  const { answer, replayed } = await archiveLedger({ before: input.before, actorId: actor.id, idempotency });
  return jsonResponse(answer, { headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
