import { authorizeRequest } from '@/lib/auth/actor';
import { pageQuerySchema } from '@/lib/pagination';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { listExports } from '@/lib/inventory/reports/list-exports';
import { presentExport } from '@/lib/inventory/reports/present-export';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'reports:read');
  const page = await listExports(parseSearchParams(request.url, pageQuerySchema));
  return jsonResponse({ data: page.data.map(presentExport), nextCursor: page.nextCursor });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
