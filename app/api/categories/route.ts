import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { categoryListQuerySchema, createCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { listCategories } from '@/lib/inventory/list-categories';
import { presentCategory } from '@/lib/inventory/present-catalog';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const query = parseSearchParams(request.url, categoryListQuerySchema);
  const page = await listCategories(query);
  return jsonResponse({ data: page.data.map(presentCategory), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const input = await readJsonBody(request, createCategorySchema, { maxBytes: 8_192 });
  const category = await createCategory({ input, actorId: actor.id });
  return jsonResponse(presentCategory(category), { status: 201 });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
