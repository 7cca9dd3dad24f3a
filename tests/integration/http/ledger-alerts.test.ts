import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, callerWithRole, createProduct, UNKNOWN_TOKEN, type Caller } from './api';

interface Posted {
  data: Array<{ id: number; quantity: number; balanceAfter: number; transferId: string | null }>;
  onHand: number;
}

/** One caller per role for the file: each costs a bcrypt hash. */
let manager: Caller;
let clerk: Caller;
let viewer: Caller;
beforeAll(async () => {
  [manager, clerk, viewer] = await Promise.all([callerWithRole('MANAGER'), callerWithRole('CLERK'), callerWithRole('VIEWER')]);
});

describe('stock movements', () => {
  it('POST /api/stock-movements posts rows; broken rules 400, unknown products 404, overselling 409 with what is available', async () => {
    const product = await createProduct(manager.token);
    const location = await api.post<{ id: number }>('/api/locations', { token: manager.token, json: { code: `B${randomUUID().slice(0, 6)}`, name: 'Bin' } });

    const receipt = await api.post<Posted>('/api/stock-movements', { token: clerk.token, json: { sku: product.sku.toLowerCase(), type: 'RECEIPT', quantity: 5, unitCost: '1.25' } });
    expect(receipt.status).toBe(201);
    expect(receipt.body.onHand).toBe(5);
    const transfer = await api.post<Posted>('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'TRANSFER', quantity: 2, toLocationId: location.body.id } });
    expect(transfer.body.data.map((row) => row.quantity)).toEqual([-2, 2]);
    expect(transfer.body.data[0]!.transferId).toBe(transfer.body.data[1]!.transferId);

    const invalid = await api.post<{ errors: Record<string, string> }>('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'SHIPMENT', quantity: -1 } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['quantity']);
    expect((await api.post('/api/stock-movements', { token: clerk.token, json: { productId: 999_999, type: 'RECEIPT', quantity: 1 } })).status).toBe(404);
    const oversold = await api.post<{ code: string; available: number }>('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'SHIPMENT', quantity: 4 } });
    expect(oversold.status).toBe(409);
    expect(oversold.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', available: 3 });
    expect((await api.post('/api/stock-movements', { token: viewer.token, json: { productId: product.id, type: 'RECEIPT', quantity: 1 } })).status).toBe(403);
    expect((await api.post('/api/stock-movements', { token: UNKNOWN_TOKEN, json: {} })).status).toBe(401);
  });

  it('an Idempotency-Key replays the first answer, and refuses a different body with 409', async () => {
    const product = await createProduct(manager.token);
    const headers = { 'idempotency-key': randomUUID() };
    const json = { productId: product.id, type: 'RECEIPT', quantity: 3 };
    const first = await api.post<Posted>('/api/stock-movements', { token: clerk.token, json, headers });
    const again = await api.post<Posted>('/api/stock-movements', { token: clerk.token, json, headers });
    expect(again.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const different = await api.post<{ code: string }>('/api/stock-movements', { token: clerk.token, json: { ...json, quantity: 4 }, headers });
    expect(different.status).toBe(409);
    expect(different.body.code).toBe('CONFLICT');
  });

  it('POST /api/stock-movements/batch posts all or none, errors keyed by row', async () => {
    const product = await createProduct(manager.token);
    const batch = await api.post<{ data: Array<{ balanceAfter: number }> }>('/api/stock-movements/batch', {
      token: clerk.token,
      json: { movements: [{ productId: product.id, type: 'RECEIPT', quantity: 4 }, { productId: product.id, type: 'SHIPMENT', quantity: 1 }] },
    });
    expect(batch.status).toBe(201);
    expect(batch.body.data.map((row) => row.balanceAfter)).toEqual([4, 3]);
    const oversold = await api.post<{ code: string }>('/api/stock-movements/batch', {
      token: clerk.token,
      json: { movements: [{ productId: product.id, type: 'SHIPMENT', quantity: 1 }, { productId: product.id, type: 'SHIPMENT', quantity: 5 }] },
    });
    expect(oversold.status).toBe(409);
    const invalid = await api.post<{ errors: Record<string, string> }>('/api/stock-movements/batch', { token: clerk.token, json: { movements: [{ productId: product.id, type: 'RECEIPT', quantity: 1 }, { productId: product.id, type: 'NOPE', quantity: 1 }] } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['1.type']);
    expect((await api.post('/api/stock-movements/batch', { token: clerk.token, json: { movements: [{ productId: 999_999, type: 'RECEIPT', quantity: 1 }] } })).status).toBe(404);
    const tooMany = Array.from({ length: 1001 }, () => ({ productId: product.id, type: 'RECEIPT', quantity: 1 }));
    expect((await api.post('/api/stock-movements/batch', { token: clerk.token, json: { movements: tooMany } })).status).toBe(413);
    expect((await api.post('/api/stock-movements/batch', { token: viewer.token, json: { movements: [] } })).status).toBe(403);
  });

  it('GET /api/stock-movements pages the ledger newest first; GET /api/stock-movements/{id} reads one row', async () => {
    const product = await createProduct(manager.token);
    for (const quantity of [1, 2, 3]) await api.post('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'RECEIPT', quantity } });
    const first = await api.get<{ data: Array<{ id: number; quantity: number }>; nextCursor: string | null }>('/api/stock-movements', { token: viewer.token, query: { productId: product.id, limit: 2 } });
    expect(first.body.data.map((row) => row.quantity)).toEqual([3, 2]);
    const second = await api.get<{ data: Array<{ quantity: number }>; nextCursor: string | null }>('/api/stock-movements', { token: viewer.token, query: { productId: product.id, limit: 2, cursor: first.body.nextCursor! } });
    expect(second.body).toEqual({ data: [expect.objectContaining({ quantity: 1 })], nextCursor: null });
    expect((await api.get('/api/stock-movements', { token: viewer.token, query: { type: 'GIFT' } })).status).toBe(400);
    expect((await api.get('/api/stock-movements', { token: UNKNOWN_TOKEN })).status).toBe(401);

    const row = await api.get<{ id: number }>('/api/stock-movements/{id}', { token: viewer.token, params: { id: first.body.data[0]!.id } });
    expect(row.body.id).toBe(first.body.data[0]!.id);
    expect((await api.get('/api/stock-movements/{id}', { token: viewer.token, params: { id: 999_999 } })).status).toBe(404);
  });
});

describe('alerts', () => {
  it('a shipment below the reorder level opens an alert: listed, counted, dismissed once', async () => {
    const product = await createProduct(manager.token, { reorderLevel: 5 });
    await api.post('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'RECEIPT', quantity: 6 } });
    await api.post('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'SHIPMENT', quantity: 3 } });

    const listed = await api.get<{ data: Array<{ id: number; productId: number }> }>('/api/inventory-alerts', { token: clerk.token, query: { limit: 200 } });
    const alert = listed.body.data.find((row) => row.productId === product.id)!;
    expect(alert).toMatchObject({ productId: product.id });
    expect((await api.get('/api/inventory-alerts', { token: clerk.token, query: { status: 'OPEN' } })).status).toBe(400);
    const count = await api.get<{ active: number }>('/api/inventory-alerts/count', { token: clerk.token });
    expect(count.body.active).toBeGreaterThanOrEqual(1);
    expect((await api.get('/api/inventory-alerts/count', { token: UNKNOWN_TOKEN })).status).toBe(401);

    expect((await api.post('/api/inventory-alerts/{id}/dismiss', { token: clerk.token, params: { id: alert.id } })).status).toBe(403);
    const dismissed = await api.post<{ status: string }>('/api/inventory-alerts/{id}/dismiss', { token: manager.token, params: { id: alert.id } });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.status).toBe('DISMISSED');
    expect((await api.post('/api/inventory-alerts/{id}/dismiss', { token: manager.token, params: { id: 999_999 } })).status).toBe(404);
    const dismissedList = await api.get<{ data: Array<{ id: number }> }>('/api/inventory-alerts', { token: clerk.token, query: { status: 'DISMISSED', limit: 200 } });
    expect(dismissedList.body.data.map((row) => row.id)).toContain(alert.id);

    await api.post('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'RECEIPT', quantity: 10 } });
    const resolved = await api.post<{ code: string }>('/api/inventory-alerts/{id}/dismiss', { token: manager.token, params: { id: alert.id } });
    expect(resolved.status).toBe(409);
    expect(resolved.body.code).toBe('CONFLICT');
  });
});
