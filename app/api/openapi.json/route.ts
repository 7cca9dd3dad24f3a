import { requestActor } from '@/lib/auth/actor';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { jsonResponse } from '@/lib/http/responses';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(async (request) => {
  await requestActor(request);
  return jsonResponse(buildOpenApiDocument());
});
