import { requestActor } from '@/lib/auth/actor';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { jsonResponse } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

export const GET = apiRoute(async (request) => {
  await requestActor(request);
  return jsonResponse(buildOpenApiDocument());
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
