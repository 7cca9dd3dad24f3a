import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute } from '@/lib/http/route';
import { alertListQuerySchema, listAlerts } from '@/lib/inventory/list-alerts';
import { presentAlert } from '@/lib/inventory/present';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'alerts:read');
  const query = parseSearchParams(request.url, alertListQuerySchema);
  const page = await listAlerts(query);
  return jsonResponse({ data: page.data.map(presentAlert), nextCursor: page.nextCursor });
});
