import { authorizeRequest } from '@/lib/auth/actor';
import { readCsvBody } from '@/lib/http/csv-body';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { importProducts } from '@/lib/inventory/imports/import-products';
import { importQuerySchema } from '@/lib/inventory/imports/import-support';
import { MAX_IMPORT_BYTES } from '@/lib/inventory/imports/read-csv-table';

export const dynamic = 'force-dynamic';

/** A CSV of products, upserted by SKU, all or none (API.md, "Import and barcodes"); MANAGER and ADMIN. */
export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const { dryRun } = parseSearchParams(request.url, importQuerySchema);
  const csv = await readCsvBody(request, { maxBytes: MAX_IMPORT_BYTES });
  const result = await importProducts({ csv, dryRun, actorId: actor.id });
  return jsonResponse(result, { status: dryRun ? 200 : 201 });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
