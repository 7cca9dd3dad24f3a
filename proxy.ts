import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth/config';

/**
 * Only a convenience: sends signed-out visitors of pages to the sign-in page. It never
 * grants anything; every page, action and route handler checks the session itself.
 * API routes are excluded so that they answer 401 JSON rather than a redirect.
 */
export default auth((request) => {
  if (request.auth) return NextResponse.next();
  const signIn = new URL('/login', request.nextUrl.origin);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') signIn.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(signIn);
});

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.svg|favicon.ico|robots.txt).*)'],
};
