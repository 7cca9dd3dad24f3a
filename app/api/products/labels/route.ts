import { authorizeRequest } from '@/lib/auth/actor';
import { parseSearchParams } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { labelSheetQuerySchema, renderLabelSheet } from '@/lib/inventory/labels/render-label-sheet';

export const dynamic = 'force-dynamic';

/** A printable PDF sheet of labels for the products in `?ids=` (any role). */
export const GET = apiRoute(async (request) => {
  await authorizeRequest(request, 'catalog:read');
  const { ids, paper } = parseSearchParams(request.url, labelSheetQuerySchema);
  const pdf = await renderLabelSheet({ ids, paper });
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      // Inline: the browser's viewer opens it, and prints from there.
      'content-disposition': 'inline; filename="labels.pdf"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});

export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
