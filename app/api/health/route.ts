import { checkHealth } from '@/lib/check-health';
import { jsonResponse } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  const health = await checkHealth();
  if (health.status !== 'ok') return jsonResponse(health, { status: 503, headers: { 'retry-after': '5' } });
  return jsonResponse(health);
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
