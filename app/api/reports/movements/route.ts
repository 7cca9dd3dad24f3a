import { authorizeRequest } from '@/lib/auth/actor';
import { csvStream } from '@/lib/csv';
import { CSV_CONTENT_TYPE, datedFileName, fileResponse, JSON_CONTENT_TYPE, jsonArrayStream } from '@/lib/http/file-response';
import { parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { presentMovement } from '@/lib/inventory/present';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { MOVEMENT_COLUMNS } from '@/lib/inventory/reports/report-columns';
import { movementsReportQuerySchema } from '@/lib/inventory/reports/report-query-schemas';

export const dynamic = 'force-dynamic';

/**
 * The ledger as a file, streamed with backpressure: a page of rows is read only when the
 * client has taken the last one, and a client that goes away stops the reading.
 */
export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'reports:read');
  const { format, ...filter } = parseSearchParams(request.url, movementsReportQuerySchema);
  const rows = iterateMovements(filter, { signal: request.signal });
  if (format === 'csv') {
    return fileResponse(csvStream(MOVEMENT_COLUMNS, rows), { fileName: await datedFileName('movements', 'csv'), contentType: CSV_CONTENT_TYPE });
  }
  return fileResponse(
    jsonArrayStream(rows, (row) => ({ ...presentMovement(row), sku: row.sku, locationCode: row.locationCode })),
    { fileName: await datedFileName('movements', 'json'), contentType: JSON_CONTENT_TYPE },
  );
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
