import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

/**
 * Auth.js renders its own HTML for sign-out confirmation and errors, outside the app's pages and
 * so without their Content-Security-Policy (the proxy leaves /api alone). Every such page must
 * lead to the app's sign-in page instead, which carries the policy (a reviewer's finding).
 */
describe('Auth.js built-in pages', () => {
  it('sign-in, sign-out and error pages redirect to /login instead of rendering Auth.js HTML', async () => {
    // Auth.js reads its secret when the configuration loads; a server always has one (lib/env.ts requires it).
    process.env.AUTH_SECRET ??= 'integration-test-secret-of-enough-length';
    const { GET } = await import('@/app/api/auth/[...nextauth]/route');
    for (const path of ['/api/auth/signin', '/api/auth/signout', '/api/auth/error', '/api/auth/error?error=Configuration', '/api/auth/verify-request']) {
      const response = await GET(new NextRequest(new URL(path, 'http://stockroom.test')));
      expect(response.status, path).toBe(302);
      expect(response.headers.get('content-type') ?? '', path).not.toMatch(/html/);
      expect(new URL(response.headers.get('location') ?? '', 'http://stockroom.test').pathname, path).toBe('/login');
    }
  });
});
