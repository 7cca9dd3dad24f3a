import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { openSecret } from '@/lib/notify/secret-box';
import { unique } from '../helpers';
import { api, callerWithRole, UNKNOWN_TOKEN } from './api';

interface Webhook {
  id: number;
  url: string;
  events: string[];
  format: string;
  active: boolean;
  secret?: string;
}

interface Delivery {
  id: number;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
}

describe('webhooks (ADMIN only)', () => {
  it('POST shows the secret once, stored sealed; GET, PATCH pause, test event, deliveries, retry, DELETE; audited', async () => {
    const admin = await callerWithRole('ADMIN');
    const url = `https://hooks.example.com/${unique('stockroom')}`;
    const created = await api.post<Webhook>('/api/webhooks', { token: admin.token, json: { url, events: ['alert.opened', 'alert.opened', 'stock_movement.created'], description: 'Warehouse' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url, events: ['alert.opened', 'stock_movement.created'], format: 'standard', active: true });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await db().webhook.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.secretCiphertext).not.toContain(created.body.secret!.slice(6));
    expect(openSecret(stored.secretCiphertext)).toBe(created.body.secret);

    const listed = await api.get<{ data: Webhook[] }>('/api/webhooks', { token: admin.token });
    const mine = listed.body.data.find((webhook) => webhook.id === created.body.id);
    expect(mine).toMatchObject({ url });
    expect(mine).not.toHaveProperty('secret');

    const id = created.body.id;
    const test = await api.post<Delivery>('/api/webhooks/{id}/test', { token: admin.token, params: { id } });
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ eventType: 'webhook.test', status: 'PENDING', attempts: 0 });
    expect(test.body.eventId).toMatch(/^msg_[0-9a-f]{32}$/);
    await db().webhookDelivery.update({ where: { id: test.body.id }, data: { status: 'FAILED', attempts: 7, lastError: 'HTTP 500' } });
    const deliveries = await api.get<{ data: Delivery[] }>('/api/webhooks/{id}/deliveries', { token: admin.token, params: { id } });
    expect(deliveries.body.data).toEqual([expect.objectContaining({ id: test.body.id, status: 'FAILED', attempts: 7, lastError: 'HTTP 500', nextAttemptAt: null })]);
    const retried = await api.post<Delivery>('/api/webhooks/{id}/deliveries/{deliveryId}/retry', { token: admin.token, params: { id, deliveryId: test.body.id } });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: test.body.id, status: 'PENDING', attempts: 7 });
    expect((await api.post('/api/webhooks/{id}/deliveries/{deliveryId}/retry', { token: admin.token, params: { id, deliveryId: 999_999 } })).status).toBe(404);

    const paused = await api.patch<Webhook>('/api/webhooks/{id}', { token: admin.token, params: { id }, json: { active: false, events: ['alert.resolved'] } });
    expect(paused.body).toMatchObject({ active: false, events: ['alert.resolved'] });
    expect((await api.post('/api/webhooks/{id}/test', { token: admin.token, params: { id } })).status).toBe(409);
    expect((await api.patch('/api/webhooks/{id}', { token: admin.token, params: { id }, json: {} })).status).toBe(400);
    expect((await api.patch('/api/webhooks/{id}', { token: admin.token, params: { id }, json: { url: 'http://hooks.example.com/x' } })).status).toBe(400);

    const log = await api.get<{ data: Array<{ action: string; after: Record<string, unknown> | null }> }>('/api/audit-log', { token: admin.token, query: { entity: 'webhook', entityId: id } });
    expect(log.body.data.map((entry) => entry.action)).toEqual(['UPDATE', 'CREATE']);
    expect(JSON.stringify(log.body.data)).not.toContain('whsec_');

    expect((await api.delete('/api/webhooks/{id}', { token: admin.token, params: { id } })).status).toBe(204);
    expect((await api.delete('/api/webhooks/{id}', { token: admin.token, params: { id } })).status).toBe(404);
    expect((await api.get('/api/webhooks/{id}/deliveries', { token: admin.token, params: { id } })).status).toBe(404);
  });

  it('refuses private, local and plain-http destinations, unknown events and formats; other roles get 403', async () => {
    const admin = await callerWithRole('ADMIN');
    for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://[::1]/x', 'https://10.1.2.3/x', 'https://169.254.169.254/latest', 'https://localhost/x', 'https://printer.local/x', 'https://[::ffff:192.168.0.1]/x', 'not a url']) {
      const refused = await api.post<{ errors: Record<string, string> }>('/api/webhooks', { token: admin.token, json: { url, events: ['alert.opened'] } });
      expect(refused.status, url).toBe(400);
      expect(Object.keys(refused.body.errors)).toEqual(['url']);
    }
    expect((await api.post('/api/webhooks', { token: admin.token, json: { url: 'https://hooks.example.com/x', events: ['product.deleted'] } })).status).toBe(400);
    expect((await api.post('/api/webhooks', { token: admin.token, json: { url: 'https://hooks.example.com/x', events: [] } })).status).toBe(400);
    expect((await api.post('/api/webhooks', { token: admin.token, json: { url: 'https://hooks.example.com/x', events: ['alert.opened'], format: 'teams' } })).status).toBe(400);

    const manager = await callerWithRole('MANAGER');
    expect((await api.get('/api/webhooks', { token: manager.token })).status).toBe(403);
    expect((await api.post('/api/webhooks', { token: manager.token, json: { url: 'https://hooks.example.com/x', events: ['alert.opened'] } })).status).toBe(403);
    expect((await api.patch('/api/webhooks/{id}', { token: manager.token, params: { id: 1 }, json: { active: false } })).status).toBe(403);
    expect((await api.delete('/api/webhooks/{id}', { token: manager.token, params: { id: 1 } })).status).toBe(403);
    expect((await api.get('/api/webhooks/{id}/deliveries', { token: manager.token, params: { id: 1 } })).status).toBe(403);
    expect((await api.post('/api/webhooks/{id}/test', { token: manager.token, params: { id: 1 } })).status).toBe(403);
    expect((await api.post('/api/webhooks/{id}/deliveries/{deliveryId}/retry', { token: manager.token, params: { id: 1, deliveryId: 1 } })).status).toBe(403);
    expect((await api.get('/api/webhooks', { token: UNKNOWN_TOKEN })).status).toBe(401);
  });
});
