import { authorizeRequest } from '@/lib/auth/actor';
import { csvStream } from '@/lib/csv';
import { CSV_CONTENT_TYPE, datedFileName, fileResponse } from '@/lib/http/file-response';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { VALUATION_COLUMNS, valuationCsvRows } from '@/lib/inventory/reports/report-columns';
import { valuationQuerySchema } from '@/lib/inventory/reports/report-query-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'reports:read');
  const { format, asOf } = parseSearchParams(request.url, valuationQuerySchema);
  const valuation = await getStockValuation({ asOf });
  if (format === 'csv') {
    const fileName = asOf ? `stock-valuation-${asOf}.csv` : datedFileName('stock-valuation', 'csv');
    return fileResponse(csvStream(VALUATION_COLUMNS, valuationCsvRows(valuation)), { fileName, contentType: CSV_CONTENT_TYPE });
  }
  return jsonResponse({ asOf: valuation.asOf, data: valuation.rows, totalQuantity: valuation.totalQuantity, totalValue: valuation.totalValue });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
