import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/create-api-token';
import { db } from '@/lib/db/client';
import { createTestUser, unique } from './helpers';
import { api, callerWithRole, callRoute } from './http/api';

/**
 * Accounts and tokens through the route handlers (API.md, "Accounts, tokens and sign-in
 * throttling"), on this file's real database, every answer held to the OpenAPI document.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

async function tokenFor(email: string, password: string, extra: Record<string, unknown> = {}) {
  const { status, body } = await api.post<{ token: string; scope: string; expiresAt: string; id: number }>('/api/tokens', { json: { email, password, name: unique('t'), ...extra } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

/** Every write a route file answers with real work (405 answers excluded), as tests/unit/openapi.test.ts reads them. */
function writeRoutesOnDisk(): Array<{ method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string }> {
  const apiDir = join(process.cwd(), 'app/api');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : []));
  return files(apiDir).flatMap((file) => {
    const path = `/api/${relative(apiDir, file).replace(/\/?route\.ts$/, '')}`.replace(/\[(\w+)\]/g, '{$1}').replace(/\/$/, '');
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/export const (POST|PUT|PATCH|DELETE)\s*=\s*(\w+)/g)]
      .filter(([, , value]) => value === 'apiRoute')
      .map(([, method]) => ({ method: method as 'POST' | 'PUT' | 'PATCH' | 'DELETE', path }));
  });
}

describe('API tokens: lifetime and scope', () => {
  it('POST /api/tokens answers scope and expiresAt: write and 90 days unless asked; 1 to 365 days', async () => {
    const { user, password } = await createTestUser({ role: 'CLERK' });
    const before = Date.now();
    const standard = await tokenFor(user.email, password);
    expect(standard.scope).toBe('write');
    expect(Date.parse(standard.expiresAt) - before).toBeGreaterThanOrEqual(90 * DAY_MS - 60_000);
    expect(Date.parse(standard.expiresAt) - before).toBeLessThanOrEqual(90 * DAY_MS + 60_000);
    const read = await tokenFor(user.email, password, { scope: 'read', expiresInDays: 1 });
    expect(read.scope).toBe('read');
    expect(Date.parse(read.expiresAt) - before).toBeLessThanOrEqual(DAY_MS + 60_000);
    for (const expiresInDays of [0, 366, 1.5, '30']) {
      const refused = await api.post<{ errors: Record<string, string> }>('/api/tokens', { json: { email: user.email, password, name: 'x', expiresInDays } });
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.body.errors)).toEqual(['expiresInDays']);
    }
    const badScope = await api.post<{ errors: Record<string, string> }>('/api/tokens', { json: { email: user.email, password, name: 'x', scope: 'admin' } });
    expect(badScope.status).toBe(400);
    expect(Object.keys(badScope.body.errors)).toEqual(['scope']);
  });

  it('an expired token is a 401, and GET /api/tokens no longer lists it', async () => {
    const { user, password } = await createTestUser({ role: 'MANAGER' });
    const live = await tokenFor(user.email, password);
    const expired = await createApiToken({ userId: user.id, name: 'old', expiresInDays: 1, scope: 'write', now: new Date(Date.now() - 2 * DAY_MS) });
    const refused = await api.get<{ code: string }>('/api/tokens', { token: expired.token });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    const listed = await api.get<{ data: Array<{ id: number; lastUsedAt: string | null }> }>('/api/tokens', { token: live.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((token) => token.id)).toEqual([live.id]);
    expect(listed.body.data[0]?.lastUsedAt).not.toBeNull();
  });

  it('a read token reads, and gets 403 on every write route of the app', async () => {
    const { user, password } = await createTestUser({ role: 'ADMIN' });
    const read = await tokenFor(user.email, password, { scope: 'read' });
    expect((await api.get('/api/products', { token: read.token })).status).toBe(200);
    expect((await api.get('/api/me', { token: read.token })).status).toBe(200);

    const routes = writeRoutesOnDisk().filter(({ method, path }) => !(method === 'POST' && path === '/api/tokens') && !path.includes('{nextauth}') && path !== '/api/{path}');
    expect(routes.length).toBeGreaterThan(20);
    const answers = await Promise.all(
      routes.map(async ({ method, path }) => {
        const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name as string, '1']));
        const response = await callRoute(method, path, { token: read.token, params, json: {} });
        return `${method} ${path} ${response.status}`;
      }),
    );
    expect(answers).toEqual(routes.map(({ method, path }) => `${method} ${path} 403`));
  });

  it('an ADMIN lists and revokes anyone\'s tokens; anyone else sees only their own', async () => {
    const admin = await callerWithRole('ADMIN');
    const { user, password } = await createTestUser({ role: 'CLERK' });
    const clerkToken = await tokenFor(user.email, password);
    const other = await callerWithRole('VIEWER');

    const listed = await api.get<{ data: Array<{ id: number; userId: number }> }>('/api/tokens', { token: admin.token, query: { userId: user.id } });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((token) => [token.id, token.userId])).toEqual([[clerkToken.id, user.id]]);
    expect((await api.get('/api/tokens', { token: other.token, query: { userId: user.id } })).status).toBe(403);
    expect((await api.delete('/api/tokens/{id}', { token: other.token, params: { id: clerkToken.id } })).status).toBe(404);

    expect((await api.delete('/api/tokens/{id}', { token: admin.token, params: { id: clerkToken.id } })).status).toBe(204);
    expect((await api.get('/api/tokens', { token: clerkToken.token })).status).toBe(401);
  });
});

describe('passwords and the account', () => {
  it('GET /api/me says who is calling; PATCH /api/me changes the name and the low-stock email preference only', async () => {
    const caller = await callerWithRole('CLERK');
    const me = await api.get<Record<string, unknown>>('/api/me', { token: caller.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: caller.id, email: caller.email, name: 'Test clerk', role: 'CLERK', notifyLowStock: false });
    const changed = await api.patch<Record<string, unknown>>('/api/me', { token: caller.token, json: { name: 'Sam at the till', notifyLowStock: true } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Sam at the till', notifyLowStock: true, role: 'CLERK' });
    expect((await api.patch('/api/me', { token: caller.token, json: { role: 'ADMIN' } })).status).toBe(400);
    expect((await api.patch('/api/me', { token: caller.token, json: {} })).status).toBe(400);
  });

  it('POST /api/me/password: a wrong current password is 400 on currentPassword, 73 bytes is 400, never cut; the old password stops working', async () => {
    const { user, password } = await createTestUser({ role: 'VIEWER' });
    const { token } = await tokenFor(user.email, password);

    const wrong = await api.post<{ errors: Record<string, string> }>('/api/me/password', { token, json: { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' } });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['currentPassword']);

    const tooLong = await api.post<{ errors: Record<string, string> }>('/api/me/password', { token, json: { currentPassword: password, newPassword: 'x'.repeat(73) } });
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body.errors)).toEqual(['newPassword']);
    // 24 characters of 3 bytes each: 72 bytes, accepted; one more is 75 bytes, refused.
    const tooLongAccents = await api.post('/api/me/password', { token, json: { currentPassword: password, newPassword: '€'.repeat(25) } });
    expect(tooLongAccents.status).toBe(400);

    const versionBefore = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const newPassword = '€'.repeat(24);
    expect((await api.post('/api/me/password', { token, json: { currentPassword: password, newPassword } })).status).toBe(204);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(versionBefore + 1);
    expect((await api.post('/api/tokens', { json: { email: user.email, password, name: 'old' } })).status).toBe(401);
    expect((await api.post('/api/tokens', { json: { email: user.email, password: newPassword, name: 'new' } })).status).toBe(201);
  });

  it('POST /api/users/{id}/password: an ADMIN sets it and that user\'s sessions end; nobody else may', async () => {
    const admin = await callerWithRole('ADMIN');
    const manager = await callerWithRole('MANAGER');
    const { user, password } = await createTestUser({ role: 'CLERK' });
    const newPassword = 'set-by-the-admin-1';

    expect((await api.post('/api/users/{id}/password', { token: manager.token, params: { id: user.id }, json: { newPassword } })).status).toBe(403);
    expect((await api.post('/api/users/{id}/password', { token: admin.token, params: { id: 999_999 }, json: { newPassword } })).status).toBe(404);
    const tooLong = await api.post<{ errors: Record<string, string> }>('/api/users/{id}/password', { token: admin.token, params: { id: user.id }, json: { newPassword: 'y'.repeat(73) } });
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body.errors)).toEqual(['newPassword']);

    expect((await api.post('/api/users/{id}/password', { token: admin.token, params: { id: user.id }, json: { newPassword } })).status).toBe(204);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect((await api.post('/api/tokens', { json: { email: user.email, password, name: 'old' } })).status).toBe(401);
    expect((await api.post('/api/tokens', { json: { email: user.email, password: newPassword, name: 'new' } })).status).toBe(201);
  });

  it('creating a user refuses a password over 72 bytes instead of cutting it', async () => {
    const admin = await callerWithRole('ADMIN');
    const refused = await api.post<{ errors: Record<string, string> }>('/api/users', {
      token: admin.token,
      json: { email: `${unique('long')}@test.local`, name: 'Long', password: 'z'.repeat(73), role: 'VIEWER' },
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['password']);
  });
});
