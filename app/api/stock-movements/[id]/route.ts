import { authorizeRequest } from '@/lib/auth/actor';
import { jsonResponse, parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { getMovement } from '@/lib/inventory/get-movement';
import { presentMovement } from '@/lib/inventory/present';

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await authorizeRequest(request, 'movements:read');
  const movement = await getMovement({ id: parseId((await params).id, 'Stock movement') });
  return jsonResponse(presentMovement(movement));
});

/** Ledger rows are immutable: correct a mistake with a new movement (an adjustment). */
export const PUT = methodNotAllowed(['GET']);
export const PATCH = PUT;
export const DELETE = PUT;
export const POST = PUT;
