import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, callerWithRole, createProduct, UNKNOWN_TOKEN, type Caller } from './api';

interface Movement {
  id: number;
  quantity: number;
  archived?: true;
}

let admin: Caller;
let manager: Caller;
beforeAll(async () => {
  [admin, manager] = await Promise.all([callerWithRole('ADMIN'), callerWithRole('MANAGER')]);
});

afterEach(() => {
  vi.useRealTimers();
});

function setClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

describe('POST /api/ledger/archive and includeArchived', () => {
  it('archives before a day (ADMIN, Idempotency-Key), and the lists, the report and the row read archived rows only when asked', async () => {
    const product = await createProduct(manager.token);
    setClock('2025-03-01T09:00:00Z');
    const old = await api.post<{ data: Movement[] }>('/api/stock-movements', { token: manager.token, json: { productId: product.id, type: 'RECEIPT', quantity: 7, unitCost: '1.10' } });
    setClock('2025-03-04T09:00:00Z');
    await api.post('/api/stock-movements', { token: manager.token, json: { productId: product.id, type: 'SHIPMENT', quantity: 2 } });

    const json = { before: '2025-03-03' };
    expect((await api.post('/api/ledger/archive', { token: manager.token, json })).status).toBe(403);
    expect((await api.post('/api/ledger/archive', { token: UNKNOWN_TOKEN, json })).status).toBe(401);
    const later = await api.post<{ errors: Record<string, string> }>('/api/ledger/archive', { token: admin.token, json: { before: '2025-03-06' } });
    expect(later.status).toBe(400);
    expect(later.body.errors).toEqual({ before: 'Must be 2025-03-05 (tomorrow) or earlier' });
    expect((await api.post('/api/ledger/archive', { token: admin.token, json: { before: '3 March' } })).status).toBe(400);

    const headers = { 'idempotency-key': randomUUID() };
    const first = await api.post<{ archived: number; checkpoints: number; before: string }>('/api/ledger/archive', { token: admin.token, json, headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ before: '2025-03-03' });
    expect(first.body.archived).toBeGreaterThanOrEqual(1);
    const again = await api.post('/api/ledger/archive', { token: admin.token, json, headers });
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await api.post('/api/ledger/archive', { token: admin.token, json: { before: '2025-03-02' }, headers })).status).toBe(409);

    const live = await api.get<{ data: Movement[] }>('/api/stock-movements', { token: manager.token, query: { productId: product.id } });
    expect(live.body.data.map((row) => row.quantity)).toEqual([-2]);
    expect(live.body.data[0]).not.toHaveProperty('archived');
    const all = await api.get<{ data: Movement[]; nextCursor: string | null }>('/api/stock-movements', { token: manager.token, query: { productId: product.id, includeArchived: true, limit: 1 } });
    expect(all.body.data.map((row) => row.quantity)).toEqual([-2]);
    const older = await api.get<{ data: Movement[] }>('/api/stock-movements', { token: manager.token, query: { productId: product.id, includeArchived: true, limit: 1, cursor: all.body.nextCursor! } });
    expect(older.body.data).toEqual([expect.objectContaining({ id: old.body.data[0]!.id, quantity: 7, archived: true })]);
    expect((await api.get('/api/stock-movements', { token: manager.token, query: { includeArchived: 'yes' } })).status).toBe(400);

    const one = await api.get<Movement>('/api/stock-movements/{id}', { token: manager.token, params: { id: old.body.data[0]!.id } });
    expect(one.body).toMatchObject({ id: old.body.data[0]!.id, archived: true });

    const report = await api.get<{ data: Movement[] }>('/api/reports/movements', { token: manager.token, query: { productId: product.id } });
    expect(report.body.data.map((row) => row.quantity)).toEqual([-2]);
    const fullReport = await api.get<{ data: Movement[] }>('/api/reports/movements', { token: manager.token, query: { productId: product.id, includeArchived: true } });
    expect(fullReport.body.data.map((row) => [row.quantity, row.archived ?? false])).toEqual([
      [-2, false],
      [7, true],
    ]);
  });
});
