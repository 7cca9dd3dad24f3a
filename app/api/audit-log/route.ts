import { authorizeRequest } from '@/lib/auth/actor';
import { auditLogQuerySchema, listAuditLog } from '@/lib/audit-log/list-audit-log';
import { jsonResponse, parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  // The audit trail shows who changed users and tokens: it is the admins', like users are.
  await authorizeRequest(request, 'users:read');
  const { limit, cursor, ...filter } = parseSearchParams(request.url, auditLogQuerySchema);
  return jsonResponse(await listAuditLog({ filter, limit, cursor }));
});

/** The audit trail is read-only. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
