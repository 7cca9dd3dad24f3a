import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, callerWithRole, createProduct, UNKNOWN_TOKEN, type Caller } from './api';

interface Line {
  id: number;
  productId: number;
  quantity: number;
  receivedQuantity: number;
  unitCost: string;
}
interface Order {
  id: number;
  number: string;
  status: string;
  supplierId: number;
  reference: string | null;
  lines: Line[];
  total: string;
}
interface Received {
  purchaseOrder: Order;
  movements: Array<{ id: number; type: string; quantity: number; reference: string; unitCost: string }>;
}

/** One caller per role for the file: each costs a bcrypt hash. */
let manager: Caller;
let clerk: Caller;
let viewer: Caller;
beforeAll(async () => {
  [manager, clerk, viewer] = await Promise.all([callerWithRole('MANAGER'), callerWithRole('CLERK'), callerWithRole('VIEWER')]);
});

/** A product that shipped 15 of 20 in the window (5 left, reorder level 10), linked to a new supplier at 1.50 with 7 days' lead time. */
async function lowProductWithSupplier(): Promise<{ productId: number; supplierId: number }> {
  const product = await createProduct(manager.token, { reorderLevel: 10, reorderQuantity: 5, cost: '2.00' });
  const supplier = await api.post<{ id: number }>('/api/suppliers', { token: manager.token, json: { name: `Supplier ${randomUUID()}` } });
  await api.put('/api/products/{id}/suppliers/{supplierId}', { token: manager.token, params: { id: product.id, supplierId: supplier.body.id }, json: { leadTimeDays: 7, unitCost: '1.50', preferred: true } });
  await api.post('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'RECEIPT', quantity: 20 } });
  await api.post('/api/stock-movements', { token: clerk.token, json: { productId: product.id, type: 'SHIPMENT', quantity: 15 } });
  return { productId: product.id, supplierId: supplier.body.id };
}

describe('replenishment and purchase orders', () => {
  it('GET /api/replenishment suggests from usage; draft-from-suggestions drafts one order for the supplier (MANAGER+)', async () => {
    const { productId, supplierId } = await lowProductWithSupplier();
    const rows = await api.get<{ data: Array<Record<string, unknown>>; nextCursor: string | null }>('/api/replenishment', { token: manager.token, query: { days: 30, supplierId } });
    expect(rows.status).toBe(200);
    expect(rows.body.data).toEqual([
      expect.objectContaining({ productId, onHand: 5, onOrder: 0, dailyUsage: '0.50', daysOfCover: 10, leadTimeDays: 7, reorderPoint: 10, suggestedQuantity: 5, supplierId }),
    ]);
    expect((await api.get('/api/replenishment', { token: manager.token, query: { days: 0 } })).status).toBe(400);
    expect((await api.get('/api/replenishment', { token: clerk.token })).status).toBe(403);
    expect((await api.get('/api/replenishment', { token: UNKNOWN_TOKEN })).status).toBe(401);

    const drafted = await api.post<{ data: Order[] }>('/api/purchase-orders/draft-from-suggestions', { token: manager.token, json: { supplierId } });
    expect(drafted.status).toBe(201);
    expect(drafted.body.data).toEqual([expect.objectContaining({ status: 'DRAFT', supplierId, lines: [expect.objectContaining({ productId, quantity: 5, unitCost: '1.50' })], total: '7.50' })]);
    expect((await api.post('/api/purchase-orders/draft-from-suggestions', { token: manager.token, json: { days: 'thirty' } })).status).toBe(400);
    expect((await api.post('/api/purchase-orders/draft-from-suggestions', { token: clerk.token, json: {} })).status).toBe(403);

    const cancelled = await api.post<Order>('/api/purchase-orders/{id}/cancel', { token: manager.token, params: { id: drafted.body.data[0]!.id } });
    expect(cancelled.body.status).toBe('CANCELLED');
    expect((await api.post('/api/purchase-orders/{id}/cancel', { token: manager.token, params: { id: drafted.body.data[0]!.id } })).status).toBe(409);
    expect((await api.post('/api/purchase-orders/{id}/cancel', { token: clerk.token, params: { id: drafted.body.data[0]!.id } })).status).toBe(403);
    expect((await api.post('/api/purchase-orders/{id}/cancel', { token: manager.token, params: { id: 999_999 } })).status).toBe(404);
  });

  it('a draft is created, changed, ordered and received in two parts by a clerk; over-receipt 409; Idempotency-Key replays', async () => {
    const { productId, supplierId } = await lowProductWithSupplier();
    const created = await api.post<Order>('/api/purchase-orders', { token: manager.token, json: { supplierId, lines: [{ productId, quantity: 10 }], expectedAt: '2026-12-24' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', number: expect.stringMatching(/^PO-\d{5}$/), lines: [{ quantity: 10, receivedQuantity: 0, unitCost: '1.50' }], total: '15.00' });
    const id = created.body.id;
    expect((await api.post('/api/purchase-orders', { token: clerk.token, json: { supplierId, lines: [{ productId, quantity: 1 }] } })).status).toBe(403);
    expect((await api.post('/api/purchase-orders', { token: manager.token, json: { supplierId: 999_999, lines: [{ productId, quantity: 1 }] } })).status).toBe(404);
    const twice = await api.post<{ errors: Record<string, string> }>('/api/purchase-orders', { token: manager.token, json: { supplierId, lines: [{ productId, quantity: 1 }, { productId, quantity: 2 }] } });
    expect(twice.status).toBe(400);
    expect(Object.keys(twice.body.errors)).toEqual(['lines.1.productId']);

    const changed = await api.patch<Order>('/api/purchase-orders/{id}', { token: manager.token, params: { id }, json: { reference: 'Quote 7', lines: [{ productId, quantity: 12, unitCost: '1.25' }] } });
    expect(changed.body).toMatchObject({ reference: 'Quote 7', lines: [{ quantity: 12, unitCost: '1.25' }], total: '15.00' });
    expect((await api.patch('/api/purchase-orders/{id}', { token: manager.token, params: { id }, json: {} })).status).toBe(400);
    expect((await api.patch('/api/purchase-orders/{id}', { token: viewer.token, params: { id }, json: { reference: 'x' } })).status).toBe(403);
    expect((await api.patch('/api/purchase-orders/{id}', { token: manager.token, params: { id: 999_999 }, json: { reference: 'x' } })).status).toBe(404);

    const tooEarly = await api.post<{ code: string }>('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId: changed.body.lines[0]!.id, quantity: 1 }] } });
    expect(tooEarly.status).toBe(409);
    const ordered = await api.post<Order>('/api/purchase-orders/{id}/order', { token: manager.token, params: { id } });
    expect(ordered.body.status).toBe('ORDERED');
    expect((await api.post('/api/purchase-orders/{id}/order', { token: manager.token, params: { id } })).status).toBe(409);
    expect((await api.post('/api/purchase-orders/{id}/order', { token: clerk.token, params: { id } })).status).toBe(403);
    expect((await api.post('/api/purchase-orders/{id}/order', { token: manager.token, params: { id: 999_999 } })).status).toBe(404);
    expect((await api.patch('/api/purchase-orders/{id}', { token: manager.token, params: { id }, json: { reference: 'late' } })).status).toBe(409);
    expect((await api.get<{ onOrder: number }>('/api/products/{id}', { token: viewer.token, params: { id: productId } })).body.onOrder).toBe(12);

    const lineId = ordered.body.lines[0]!.id;
    const first = await api.post<Received>('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId, quantity: 5 }] } });
    expect(first.status).toBe(201);
    expect(first.body.purchaseOrder).toMatchObject({ status: 'PARTIALLY_RECEIVED', lines: [{ receivedQuantity: 5 }] });
    expect(first.body.movements).toEqual([expect.objectContaining({ type: 'RECEIPT', quantity: 5, reference: ordered.body.number, unitCost: '1.25' })]);
    const over = await api.post<{ code: string; errors: Record<string, string> }>('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId, quantity: 8 }] } });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'CONFLICT', errors: { 'lines.0.quantity': 'Only 7 left to receive' } });
    expect((await api.post('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId: 999_999, quantity: 1 }] } })).status).toBe(400);
    expect((await api.post('/api/purchase-orders/{id}/receive', { token: viewer.token, params: { id }, json: { lines: [{ lineId, quantity: 1 }] } })).status).toBe(403);
    expect((await api.post('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id: 999_999 }, json: { lines: [{ lineId, quantity: 1 }] } })).status).toBe(404);

    const headers = { 'idempotency-key': randomUUID() };
    const rest = await api.post<Received>('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId, quantity: 7 }] }, headers });
    expect(rest.body.purchaseOrder.status).toBe('RECEIVED');
    const again = await api.post<Received>('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId, quantity: 7 }] }, headers });
    expect(again.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(rest.body);
    expect((await api.post('/api/purchase-orders/{id}/receive', { token: clerk.token, params: { id }, json: { lines: [{ lineId, quantity: 6 }] }, headers })).status).toBe(409);
    expect((await api.post('/api/purchase-orders/{id}/cancel', { token: manager.token, params: { id } })).status).toBe(409);

    const product = await api.get<{ onHand: number; onOrder: number }>('/api/products/{id}', { token: viewer.token, params: { id: productId } });
    expect(product.body).toMatchObject({ onHand: 17, onOrder: 0 });
    const movements = await api.get<{ data: Array<{ reference: string | null }> }>('/api/stock-movements', { token: viewer.token, query: { productId, type: 'RECEIPT' } });
    expect(movements.body.data.filter((row) => row.reference === ordered.body.number)).toHaveLength(2);
  });

  it('GET /api/purchase-orders lists by status and supplier; GET /api/purchase-orders/{id} reads one (any role)', async () => {
    const { productId, supplierId } = await lowProductWithSupplier();
    const a = await api.post<Order>('/api/purchase-orders', { token: manager.token, json: { supplierId, lines: [{ productId, quantity: 1 }] } });
    const b = await api.post<Order>('/api/purchase-orders', { token: manager.token, json: { supplierId, lines: [{ productId, quantity: 2 }] } });
    await api.post('/api/purchase-orders/{id}/order', { token: manager.token, params: { id: b.body.id } });
    const drafts = await api.get<{ data: Order[]; nextCursor: string | null }>('/api/purchase-orders', { token: viewer.token, query: { supplierId, status: 'DRAFT' } });
    expect(drafts.body.data.map((order) => order.id)).toEqual([a.body.id]);
    const all = await api.get<{ data: Order[]; nextCursor: string | null }>('/api/purchase-orders', { token: viewer.token, query: { supplierId, limit: 1 } });
    expect(all.body.data.map((order) => order.id)).toEqual([b.body.id]);
    const next = await api.get<{ data: Order[] }>('/api/purchase-orders', { token: viewer.token, query: { supplierId, limit: 1, cursor: all.body.nextCursor! } });
    expect(next.body.data.map((order) => order.id)).toEqual([a.body.id]);
    expect((await api.get('/api/purchase-orders', { token: viewer.token, query: { status: 'OPEN' } })).status).toBe(400);
    expect((await api.get('/api/purchase-orders', { token: UNKNOWN_TOKEN })).status).toBe(401);
    expect((await api.get<Order>('/api/purchase-orders/{id}', { token: clerk.token, params: { id: a.body.id } })).body.number).toBe(a.body.number);
    expect((await api.get('/api/purchase-orders/{id}', { token: clerk.token, params: { id: 999_999 } })).status).toBe(404);
  });
});
