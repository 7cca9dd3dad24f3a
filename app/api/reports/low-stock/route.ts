import { authorizeRequest } from '@/lib/auth/actor';
import { csvStream } from '@/lib/csv';
import { CSV_CONTENT_TYPE, datedFileName, fileResponse } from '@/lib/http/file-response';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { getLowStockReport } from '@/lib/inventory/reports/get-low-stock-report';
import { LOW_STOCK_COLUMNS } from '@/lib/inventory/reports/report-columns';
import { lowStockQuerySchema } from '@/lib/inventory/reports/report-query-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'reports:read');
  const { format } = parseSearchParams(request.url, lowStockQuerySchema);
  const rows = await getLowStockReport();
  if (format === 'csv') {
    return fileResponse(csvStream(LOW_STOCK_COLUMNS, rows), { fileName: await datedFileName('low-stock', 'csv'), contentType: CSV_CONTENT_TYPE });
  }
  return jsonResponse({ data: rows, generatedAt: new Date().toISOString() });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
