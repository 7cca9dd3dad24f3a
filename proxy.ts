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

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.svg|favicon.ico|robots.txt).*)'],
};
