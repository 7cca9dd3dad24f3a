import { jsonResponse } from '@/lib/http/responses';
import { apiRoute } from '@/lib/http/route';
import { buildOpenApiDocument } from '@/lib/http/openapi';

export const GET = apiRoute(async () => jsonResponse(buildOpenApiDocument()));
