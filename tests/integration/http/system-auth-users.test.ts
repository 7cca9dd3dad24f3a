import { describe, expect, it } from 'vitest';
import { createTestUser, unique } from '../helpers';
import { api, callerWithRole, callRoute, UNKNOWN_TOKEN } from './api';

describe('system', () => {
  it('GET /api/health answers without credentials', async () => {
    const { status, body } = await api.get('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('GET /api/openapi.json needs credentials and serves the document', async () => {
    expect((await api.get('/api/openapi.json', { token: UNKNOWN_TOKEN })).status).toBe(401);
    const viewer = await callerWithRole('VIEWER');
    const { status, body } = await api.get('/api/openapi.json', { token: viewer.token });
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
  });

  it('GET /api/docs sends a caller without valid credentials to sign in and serves the reference under its own policy', async () => {
    const unknown = await callRoute('GET', '/api/docs', { token: UNKNOWN_TOKEN });
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get('location')).toBe('/login?callbackUrl=%2Fapi%2Fdocs');

    const viewer = await callerWithRole('VIEWER');
    const page = await callRoute('GET', '/api/docs', { token: viewer.token });
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(page.headers.get('permissions-policy')).toContain('camera=(self)');
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(html).toContain(`data-style-nonce="${nonce}"`);
    // Every script is a file from this origin: the policy allows no inline script.
    expect([...html.matchAll(/<script([^>]*)>/g)].map(([, attributes]) => attributes)).toEqual([' src="/api/docs/redoc.standalone.js"', ' src="/api/docs/init.js"']);

    const bundle = await callRoute('GET', '/api/docs/redoc.standalone.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(500_000);
    const init = await callRoute('GET', '/api/docs/init.js');
    expect(await init.text()).toContain('Redoc.init');
  });
});

describe('tokens', () => {
  it('POST /api/tokens trades credentials for a token; bad ones are 401, bad bodies 400', async () => {
    const { user, password } = await createTestUser({ role: 'CLERK' });
    const created = await api.post<{ token: string; name: string }>('/api/tokens', { json: { email: user.email, password, name: 'sync' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sr_/);
    expect((await api.post('/api/tokens', { json: { email: user.email, password: `${password}x`, name: 'sync' } })).status).toBe(401);
    const invalid = await api.post<{ errors: Record<string, string> }>('/api/tokens', { json: { email: 'not an email', password, name: '' } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(expect.arrayContaining(['email', 'name']));
    const notJson = await api.post('/api/tokens', { body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(400);
  });

  it('GET /api/tokens lists your tokens, never the secret; DELETE /api/tokens/{id} revokes one', async () => {
    const clerk = await callerWithRole('CLERK');
    expect((await api.get('/api/tokens', { token: UNKNOWN_TOKEN })).status).toBe(401);
    const listed = await api.get<{ data: Array<{ id: number; name: string }> }>('/api/tokens', { token: clerk.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(clerk.token);
    expect((await api.get('/api/tokens', { token: clerk.token, query: { limit: 0 } })).status).toBe(400);

    const id = listed.body.data[0]!.id;
    expect((await api.delete('/api/tokens/{id}', { token: clerk.token, params: { id: 999_999 } })).status).toBe(404);
    expect((await api.delete('/api/tokens/{id}', { token: clerk.token, params: { id } })).status).toBe(204);
    expect((await api.get('/api/tokens', { token: clerk.token })).status).toBe(401);
  });
});

describe('users', () => {
  it('an ADMIN lists, creates and changes users; other roles are 403', async () => {
    const admin = await callerWithRole('ADMIN');
    const manager = await callerWithRole('MANAGER');
    expect((await api.get('/api/users', { token: manager.token })).status).toBe(403);
    expect((await api.get('/api/users', { token: UNKNOWN_TOKEN })).status).toBe(401);
    const listed = await api.get<{ data: Array<{ id: number }> }>('/api/users', { token: admin.token, query: { limit: 200 } });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((user) => user.id)).toContain(admin.id);
    expect((await api.get('/api/users', { token: admin.token, query: { cursor: 'nonsense' } })).status).toBe(400);

    const email = `${unique('new')}@test.local`;
    const user = { email, name: 'New clerk', password: 'a long enough password', role: 'CLERK' };
    const created = await api.post<{ id: number; role: string }>('/api/users', { token: admin.token, json: user });
    expect(created.status).toBe(201);
    expect((await api.post('/api/users', { token: admin.token, json: user })).status).toBe(409);
    expect((await api.post('/api/users', { token: admin.token, json: { ...user, role: 'OWNER' } })).status).toBe(400);
    expect((await api.post('/api/users', { token: manager.token, json: user })).status).toBe(403);

    const changed = await api.patch<{ role: string; name: string }>('/api/users/{id}', { token: admin.token, params: { id: created.body.id }, json: { role: 'MANAGER', name: 'Promoted' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'MANAGER', name: 'Promoted' });
    expect((await api.patch('/api/users/{id}', { token: admin.token, params: { id: created.body.id }, json: {} })).status).toBe(400);
    expect((await api.patch('/api/users/{id}', { token: admin.token, params: { id: 999_999 }, json: { name: 'Nobody' } })).status).toBe(404);
    expect((await api.patch('/api/users/{id}', { token: manager.token, params: { id: created.body.id }, json: { name: 'No' } })).status).toBe(403);
  });
});
