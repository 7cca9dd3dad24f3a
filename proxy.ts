import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce, isHttps, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from '@/lib/http/security-headers';

/** Auth.js's session cookie, chunked (`.0`, `.1`, ...) when large, `__Secure-` on https. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Two jobs for every page request:
 *
 * 1. The page's security headers (lib/http/security-headers.ts): a Content-Security-Policy
 *    with a fresh nonce, set on the request as well, where Next finds the nonce and gives it
 *    to its scripts; Permissions-Policy, and HSTS over https (nosniff and the rest, the same
 *    for every response, are in next.config.mjs). The sign-in page gets them too.
 * 2. Only a convenience: sends visitors without a session cookie to the sign-in page (never the
 *    sign-in page itself). It never grants anything; every page, action and route handler
 *    verifies the session itself.
 *
 * It deliberately does not wrap Auth.js's `auth()`: that wrapper re-issues the session
 * cookie on every response it passes, so a link prefetch still in flight when someone signs
 * out put the cookie back and the sign-out was silently undone.
 * API routes are excluded so that they answer 401 JSON rather than a redirect (and set their
 * own headers; /api/docs has its own policy).
 */
export default function proxy(request: NextRequest) {
  // A percent-escape that is not UTF-8 (`/api/products/%FF`) makes Next's router answer 500 for
  // any dynamic route (vercel/next.js#92527): no such path names anything, so it is a 404 here.
  // API paths pass through the proxy only when they hold a `%` (the second matcher).
  if (!isDecodable(request.nextUrl.pathname)) {
    return request.nextUrl.pathname.startsWith('/api/')
      ? NextResponse.json({ code: 'NOT_FOUND', message: 'Not found: the path is not valid percent-encoded UTF-8.' }, { status: 404 })
      : new NextResponse('Not found', { status: 404 });
  }
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const https = isHttps(request.nextUrl, request.headers);
  const signedIn = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  let response: NextResponse;
  let policy: string | undefined;
  if (signedIn || request.nextUrl.pathname === '/login') {
    policy = contentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === 'development', https });
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    const signIn = new URL('/login', request.nextUrl.origin);
    const target = request.nextUrl.pathname + request.nextUrl.search;
    if (target !== '/') signIn.searchParams.set('callbackUrl', target);
    response = NextResponse.redirect(signIn);
  }
  if (policy) response.headers.set('content-security-policy', policy);
  response.headers.set('permissions-policy', PERMISSIONS_POLICY);
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.svg|favicon.ico|robots.txt).*)', '/api/(.*%.*)'],
};
