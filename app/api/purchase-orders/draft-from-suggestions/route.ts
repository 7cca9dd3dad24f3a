import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, readJsonBody } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { draftOrdersFromSuggestions } from '@/lib/inventory/purchasing/draft-orders-from-suggestions';
import { presentPurchaseOrder } from '@/lib/inventory/purchasing/present-purchase-order';
import { draftFromSuggestionsSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';

export const POST = apiRoute(async (request) => {
  const actor = await authorizeRequest(request, 'purchasing:write');
  const input = await readJsonBody(request, draftFromSuggestionsSchema, { maxBytes: 4_096 });
  const orders = await draftOrdersFromSuggestions({ input, actorId: actor.id });
  return jsonResponse({ data: orders.map(presentPurchaseOrder) }, { status: 201 });
});

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
