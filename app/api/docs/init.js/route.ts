import { methodNotAllowed } from '@/lib/http/route';

/** Starts Redoc on the page /api/docs serves: a file, because that page allows no inline script. */
const SCRIPT = `(function () {
  var root = document.getElementById('redoc');
  Redoc.init(root.dataset.specUrl, {
    nonce: root.dataset.styleNonce,
    disableSearch: true,
    expandResponses: '200,201',
    jsonSampleExpandLevel: 3,
    sortTagsAlphabetically: false
  }, root);
})();
`;

export function GET(): Response {
  return new Response(SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
