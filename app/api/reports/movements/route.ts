import { authorizeRequest } from '@/lib/auth/actor';
import { csvStream } from '@/lib/csv';
import { CSV_CONTENT_TYPE, datedFileName, fileResponse, JSON_CONTENT_TYPE, jsonArrayStream } from '@/lib/http/file-response';
import { parseSearchParams } from '@/lib/http/responses';
import { apiRoute } from '@/lib/http/route';
import { presentMovement } from '@/lib/inventory/present';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { MOVEMENT_COLUMNS } from '@/lib/inventory/reports/report-columns';
import { movementsReportQuerySchema } from '@/lib/inventory/reports/report-query-schemas';

export const dynamic = 'force-dynamic';

/** The ledger as a file, streamed: memory stays flat and the first rows leave at once. */
export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'reports:read');
  const { format, ...filter } = parseSearchParams(request.url, movementsReportQuerySchema);
  const rows = iterateMovements(filter);
  if (format === 'csv') {
    return fileResponse(csvStream(MOVEMENT_COLUMNS, rows), { fileName: datedFileName('movements', 'csv'), contentType: CSV_CONTENT_TYPE });
  }
  return fileResponse(
    jsonArrayStream(rows, (row) => ({ ...presentMovement(row), sku: row.product.sku, locationCode: row.location.code })),
    { fileName: datedFileName('movements', 'json'), contentType: JSON_CONTENT_TYPE },
  );
});
