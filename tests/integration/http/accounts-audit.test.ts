import { describe, expect, it } from 'vitest';
import { createTestUser, unique } from '../helpers';
import { api, callerWithRole, UNKNOWN_TOKEN } from './api';

describe('your own account', () => {
  it('GET /api/me and PATCH /api/me; a read-only token may not change it', async () => {
    const { user, password } = await createTestUser({ role: 'CLERK' });
    const write = await api.post<{ token: string }>('/api/tokens', { json: { email: user.email, password, name: unique('me') } });
    const read = await api.post<{ token: string }>('/api/tokens', { json: { email: user.email, password, name: unique('me-read'), scope: 'read' } });

    const me = await api.get<{ id: number; role: string }>('/api/me', { token: read.body.token });
    expect(me.body).toMatchObject({ id: user.id, role: 'CLERK' });
    expect((await api.get('/api/me', { token: UNKNOWN_TOKEN })).status).toBe(401);

    const changed = await api.patch<{ name: string; notifyLowStock: boolean }>('/api/me', { token: write.body.token, json: { name: 'Renamed clerk', notifyLowStock: true } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Renamed clerk', notifyLowStock: true });
    expect((await api.patch('/api/me', { token: write.body.token, json: {} })).status).toBe(400);
    expect((await api.patch('/api/me', { token: read.body.token, json: { name: 'No' } })).status).toBe(403);
    expect((await api.patch('/api/me', { token: UNKNOWN_TOKEN, json: { name: 'No' } })).status).toBe(401);
  });

  it("an ADMIN's read-only token reads what an ADMIN reads (users, the audit log, anyone's tokens) and changes none of it", async () => {
    const { user, password } = await createTestUser({ role: 'ADMIN' });
    const read = await api.post<{ token: string }>('/api/tokens', { json: { email: user.email, password, name: unique('admin-read'), scope: 'read' } });
    const other = await callerWithRole('CLERK');
    expect((await api.get('/api/users', { token: read.body.token })).status).toBe(200);
    expect((await api.get('/api/audit-log', { token: read.body.token })).status).toBe(200);
    expect((await api.get('/api/tokens', { token: read.body.token, query: { userId: other.id } })).status).toBe(200);
    const refused = await api.post('/api/users', { token: read.body.token, json: { email: `${unique('nobody')}@example.com`, name: 'No', role: 'VIEWER', password: 'a long enough password' } });
    expect(refused.status).toBe(403);
    // The restricted read stays an ADMIN's.
    expect((await api.get('/api/users', { token: other.token })).status).toBe(403);
  });

  it('POST /api/me/password needs the current password', async () => {
    const { user, password } = await createTestUser({ role: 'VIEWER' });
    const { body } = await api.post<{ token: string }>('/api/tokens', { json: { email: user.email, password, name: unique('pw') } });
    const wrong = await api.post<{ errors: Record<string, string> }>('/api/me/password', { token: body.token, json: { currentPassword: `${password}-no`, newPassword: 'a brand new password' } });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors)).toContain('currentPassword');
    expect((await api.post('/api/me/password', { token: body.token, json: { currentPassword: password, newPassword: 'short' } })).status).toBe(400);
    expect((await api.post('/api/me/password', { token: body.token, json: { currentPassword: password, newPassword: 'a brand new password' } })).status).toBe(204);
    expect((await api.post('/api/tokens', { json: { email: user.email, password: 'a brand new password', name: 'after' } })).status).toBe(201);
    expect((await api.post('/api/me/password', { token: UNKNOWN_TOKEN, json: { currentPassword: 'x', newPassword: 'a brand new password' } })).status).toBe(401);
  });
});

describe('an ADMIN', () => {
  it('POST /api/users/{id}/password sets a user’s password', async () => {
    const admin = await callerWithRole('ADMIN');
    const manager = await callerWithRole('MANAGER');
    const { user } = await createTestUser({ role: 'CLERK' });
    const path = '/api/users/{id}/password';
    expect((await api.post('/api/users/{id}/password', { token: admin.token, params: { id: user.id }, json: { newPassword: 'set by the admin' } })).status).toBe(204);
    expect((await api.post('/api/tokens', { json: { email: user.email, password: 'set by the admin', name: 'new' } })).status).toBe(201);
    expect((await api.post(path, { token: admin.token, params: { id: user.id }, json: { newPassword: 'x'.repeat(73) } })).status).toBe(400);
    expect((await api.post(path, { token: admin.token, params: { id: 999_999 }, json: { newPassword: 'set by the admin' } })).status).toBe(404);
    expect((await api.post(path, { token: manager.token, params: { id: user.id }, json: { newPassword: 'set by the admin' } })).status).toBe(403);
    expect((await api.post(path, { token: UNKNOWN_TOKEN, params: { id: user.id }, json: { newPassword: 'set by the admin' } })).status).toBe(401);
  });

  it('GET /api/audit-log reads who changed what', async () => {
    const admin = await callerWithRole('ADMIN');
    const created = await api.post<{ id: number }>('/api/categories', { token: admin.token, json: { name: unique('Audited') } });
    const log = await api.get<{ data: Array<{ entity: string; entityId: number; actorId: number }> }>('/api/audit-log', { token: admin.token, query: { entity: 'category', entityId: created.body.id } });
    expect(log.status).toBe(200);
    expect(log.body.data).toEqual([expect.objectContaining({ entity: 'category', entityId: created.body.id, actorId: admin.id })]);
    expect((await api.get('/api/audit-log', { token: admin.token, query: { entity: 'spaceship' } })).status).toBe(400);
    const manager = await callerWithRole('MANAGER');
    expect((await api.get('/api/audit-log', { token: manager.token })).status).toBe(403);
    expect((await api.get('/api/audit-log', { token: UNKNOWN_TOKEN })).status).toBe(401);
  });
});
