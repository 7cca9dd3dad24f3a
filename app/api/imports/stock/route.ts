import { authorizeRequest } from '@/lib/auth/actor';
import { readCsvBody } from '@/lib/http/csv-body';
import { idempotencyFromRequest } from '@/lib/http/idempotency-key';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { importQuerySchema } from '@/lib/inventory/imports/import-support';
import { importStock } from '@/lib/inventory/imports/import-stock';
import { MAX_IMPORT_BYTES } from '@/lib/inventory/imports/read-csv-table';

export const dynamic = 'force-dynamic';

/**
 * Opening stock: one COUNT per row through the ledger, all or none. MANAGER and ADMIN (API.md):
 * the catalog permission is the one a clerk, who posts single movements, lacks.
 */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const { dryRun } = parseSearchParams(request.url, importQuerySchema);
  const csv = await readCsvBody(request, { maxBytes: MAX_IMPORT_BYTES });
  const idempotency = dryRun ? undefined : idempotencyFromRequest(request, actor.id, csv);
  const { result, replayed } = await importStock({ csv, dryRun, actorId: actor.id, idempotency });
  return jsonResponse(result, { status: dryRun ? 200 : 201, headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
