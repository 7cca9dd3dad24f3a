import { authorizeRequest } from '@/lib/auth/actor';
import { csvStream } from '@/lib/csv';
import { CSV_CONTENT_TYPE, JSON_CONTENT_TYPE, datedFileName, fileResponse, jsonObjectStream } from '@/lib/http/file-response';
import { parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { streamStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { streamedValuationCsvRows, VALUATION_COLUMNS } from '@/lib/inventory/reports/report-columns';
import { valuationQuerySchema } from '@/lib/inventory/reports/report-query-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'reports:read');
  const { format, asOf } = parseSearchParams(request.url, valuationQuerySchema);
  const valuation = streamStockValuation({ asOf });
  if (format === 'csv') {
    const fileName = asOf ? `stock-valuation-${asOf}.csv` : await datedFileName('stock-valuation', 'csv');
    return fileResponse(csvStream(VALUATION_COLUMNS, streamedValuationCsvRows(valuation)), { fileName, contentType: CSV_CONTENT_TYPE });
  }
  // Streamed: the totals are known only once every row has been read.
  const body = jsonObjectStream({ head: { asOf: valuation.asOf }, rows: valuation.rows, tail: valuation.totals });
  return new Response(body, { headers: { 'content-type': JSON_CONTENT_TYPE, 'cache-control': 'no-store' } });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
