import { NextResponse, type NextRequest } from 'next/server';

/** Auth.js's session cookie, chunked (`.0`, `.1`, ...) when large, `__Secure-` on https. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Only a convenience: sends visitors without a session cookie to the sign-in page. It never
 * grants anything; every page, action and route handler verifies the session itself.
 *
 * It deliberately does not wrap Auth.js's `auth()`: that wrapper re-issues the session
 * cookie on every response it passes, so a link prefetch still in flight when someone signs
 * out put the cookie back and the sign-out was silently undone.
 * API routes are excluded so that they answer 401 JSON rather than a redirect.
 */
export default function proxy(request: NextRequest) {
  if (request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) return NextResponse.next();
  const signIn = new URL('/login', request.nextUrl.origin);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') signIn.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.svg|favicon.ico|robots.txt).*)'],
};
