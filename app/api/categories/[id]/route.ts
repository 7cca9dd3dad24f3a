import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, noContent, parseId, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { updateCategorySchema } from '@/lib/inventory/category-schemas';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { getCategory } from '@/lib/inventory/get-category';
import { presentCategory } from '@/lib/inventory/present-catalog';
import { updateCategory } from '@/lib/inventory/update-category';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Params) => {
  await authorizeRequest(request, 'catalog:read');
  const category = await getCategory({ id: parseId((await params).id, 'Category') });
  return jsonResponse(presentCategory(category));
});

export const PATCH = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  const id = parseId((await params).id, 'Category');
  const input = await readJsonBody(request, updateCategorySchema, { maxBytes: 8_192 });
  const category = await updateCategory({ id, input, actorId: actor.id });
  return jsonResponse(presentCategory(category));
});

/** Soft delete: the category's products keep their categoryId. */
export const DELETE = apiRoute(async (request, { params }: Params) => {
  const actor = await authorizeRequest(request, 'catalog:write');
  await deleteCategory({ id: parseId((await params).id, 'Category'), actorId: actor.id });
  return noContent();
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const PUT = POST;
