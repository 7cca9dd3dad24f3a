import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { api, callerWithRole, callRoute, UNKNOWN_TOKEN } from './api';

describe('the shop settings', () => {
  it('GET /api/settings gives the defaults to any role; PATCH /api/settings is an ADMIN’s, validated and audited', async () => {
    const admin = await callerWithRole('ADMIN');
    const viewer = await callerWithRole('VIEWER');

    const defaults = await api.get('/api/settings', { token: viewer.token });
    expect(defaults.status).toBe(200);
    expect(defaults.body).toEqual({ shopName: 'Stockroom', currency: 'USD', timezone: 'UTC' });
    expect((await api.get('/api/settings', { token: UNKNOWN_TOKEN })).status).toBe(401);

    const changed = await api.patch('/api/settings', { token: admin.token, json: { shopName: ' Corner Café ', currency: 'eur', timezone: 'europe/berlin' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ shopName: 'Corner Café', currency: 'EUR', timezone: 'Europe/Berlin' });
    // A partial change keeps the rest, and every role reads the change at once.
    expect((await api.patch('/api/settings', { token: admin.token, json: { timezone: 'Pacific/Auckland' } })).body).toEqual({ shopName: 'Corner Café', currency: 'EUR', timezone: 'Pacific/Auckland' });
    expect((await api.get('/api/settings', { token: viewer.token })).body).toEqual({ shopName: 'Corner Café', currency: 'EUR', timezone: 'Pacific/Auckland' });

    const refused = async (json: unknown) => api.patch<{ code: string; errors?: Record<string, string> }>('/api/settings', { token: admin.token, json });
    for (const json of [{}, { currency: 'JPY' }, { currency: 'KWD' }, { currency: 'EUO' }, { currency: 12 }, { timezone: 'Mars/Olympus_Mons' }, { timezone: '' }, { shopName: '' }, { shopName: 'x'.repeat(81) }, { colour: 'blue' }]) {
      const answer = await refused(json);
      expect(answer.status, JSON.stringify(json)).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await refused({ currency: 'JPY' })).body.errors).toHaveProperty('currency');
    expect((await refused({ timezone: 'Nowhere/City' })).body.errors).toHaveProperty('timezone');

    const manager = await callerWithRole('MANAGER');
    expect((await api.patch('/api/settings', { token: manager.token, json: { currency: 'GBP' } })).status).toBe(403);
    expect((await api.patch('/api/settings', { token: UNKNOWN_TOKEN, json: { currency: 'GBP' } })).status).toBe(401);
    expect((await callRoute('POST', '/api/settings', { token: admin.token, json: {} })).status).toBe(405);

    const audit = await db().auditLog.findMany({ where: { entity: 'ShopSettings' }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: 'UPDATE', entityId: 1 });
    expect(JSON.parse(audit[0]!.before!)).toEqual({ shopName: 'Stockroom', currency: 'USD', timezone: 'UTC' });
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({ timezone: 'Pacific/Auckland' });
    expect(await db().shopSettings.count()).toBe(1);
  });
});
