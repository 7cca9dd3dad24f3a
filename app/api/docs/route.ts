import { requestActor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { createNonce, isHttps, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from '@/lib/http/security-headers';

export const dynamic = 'force-dynamic';

/**
 * The API reference: Redoc's standalone bundle, served from this origin (no CDN), renders
 * /api/openapi.json. It needs what the document needs: a signed-in person (a token caller
 * reads the JSON itself); anyone else is sent to sign in and back here.
 *
 * The page's own policy: scripts from this origin only, nothing inline, no eval. Redoc's
 * styles are <style> elements it writes at run time, allowed by a nonce it is given (the
 * nonce travels in a data attribute: a `nonce` attribute's value is hidden from scripts).
 * Search is off: it runs in a worker made from a blob, which the policy does not allow.
 * The other headers every HTML page carries come from lib/http/security-headers.ts (the
 * proxy, which sets them on the app's pages, leaves /api alone).
 */
/**
 * The one stylesheet Redoc 2.5.4's bundle writes before it is given the nonce (perfect-scrollbar's,
 * through an empty <style> it fills): allowed by its exact hashes. Another Redoc version
 * writes other bytes; the e2e reference test (api-docs.spec.ts) then reports the violation.
 */
const REDOC_UNNONCED_STYLES = ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='"];

export const GET = apiRoute(async (request) => {
  try {
    await requestActor(request);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
    const signIn = new URL('/login', request.url);
    signIn.searchParams.set('callbackUrl', '/api/docs');
    return new Response(null, { status: 303, headers: { location: `${signIn.pathname}${signIn.search}`, 'cache-control': 'no-store' } });
  }
  const nonce = createNonce();
  return new Response(page(nonce), {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'permissions-policy': PERMISSIONS_POLICY,
      ...(isHttps(new URL(request.url), request.headers) ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
      'content-security-policy': [
        "default-src 'none'",
        "script-src 'self'",
        `style-src 'self' 'nonce-${nonce}' ${REDOC_UNNONCED_STYLES.join(' ')}`,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    },
  });
});

function page(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stockroom API reference</title>
<style nonce="${nonce}">body { margin: 0; }</style>
</head>
<body>
<noscript>This reference needs JavaScript. The document itself is <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
<div id="redoc" data-spec-url="/api/openapi.json" data-style-nonce="${nonce}"></div>
<script src="/api/docs/redoc.standalone.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;
}

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
