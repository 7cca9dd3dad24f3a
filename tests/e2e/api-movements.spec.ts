import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, createUserWithToken } from './fixtures/api';

/** A product of this test's own, with a unique SKU, and optionally some stock. */
async function product(request: APIRequestContext, token: string, { stock = 0, reorderLevel = 0 } = {}) {
  const sku = `MV-${randomUUID().slice(0, 8)}`;
  const created = await request.post('/api/products', { headers: bearer(token), data: { sku, name: `Movement test ${sku}`, price: '3.00', reorderLevel } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  if (stock > 0) {
    const received = await request.post('/api/stock-movements', { headers: bearer(token), data: { productId: id, type: 'RECEIPT', quantity: stock, unitCost: '1.25' } });
    expect(received.status()).toBe(201);
  }
  return { id, sku };
}

async function location(request: APIRequestContext, token: string) {
  const code = `L-${randomUUID().slice(0, 6)}`;
  const created = await request.post('/api/locations', { headers: bearer(token), data: { code, name: `Bin ${code}` } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: number }).id;
}

interface MovementAnswer {
  data: Array<{ id: number; productId: number; locationId: number; type: string; quantity: number; balanceAfter: number; unitCost: string | null; transferId: string | null; createdBy: number }>;
  onHand: number;
}

test('each movement type posts ledger rows with balances, by id or by SKU', async ({ request }) => {
  const token = await adminToken(request);
  const { id, sku } = await product(request, token);
  const other = await location(request, token);
  const post = async (data: Record<string, unknown>) => {
    const response = await request.post('/api/stock-movements', { headers: bearer(token), data });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as MovementAnswer;
  };
  const receipt = await post({ sku: sku.toLowerCase(), type: 'RECEIPT', quantity: 20, unitCost: '2.50', reference: 'PO-1' });
  expect(receipt).toMatchObject({ onHand: 20, data: [{ productId: id, type: 'RECEIPT', quantity: 20, balanceAfter: 20, unitCost: '2.50' }] });
  expect((await post({ productId: id, type: 'SHIPMENT', quantity: 15 })).data[0]).toMatchObject({ quantity: -15, balanceAfter: 5 });
  expect((await post({ productId: id, type: 'ADJUSTMENT', quantity: -1, reason: 'Broken' })).onHand).toBe(4);
  const transfer = await post({ productId: id, type: 'TRANSFER', quantity: 3, toLocationId: other });
  expect(transfer.data).toHaveLength(2);
  expect(transfer.data[0]).toMatchObject({ quantity: -3, balanceAfter: 1 });
  expect(transfer.data[1]).toMatchObject({ locationId: other, quantity: 3, balanceAfter: 3 });
  expect(transfer.data[0]!.transferId).toBe(transfer.data[1]!.transferId);
  expect(transfer.onHand).toBe(4);
  const count = await post({ productId: id, type: 'COUNT', quantity: 7, locationId: other });
  expect(count.data[0]).toMatchObject({ type: 'COUNT', quantity: 4, balanceAfter: 7 });
  expect(count.onHand).toBe(8);

  const list = await request.get('/api/stock-movements', { headers: bearer(token), params: { productId: id, limit: 2 } });
  const page = (await list.json()) as { data: Array<{ id: number }>; nextCursor: string | null };
  expect(page.data.map((row) => row.id)).toEqual([count.data[0]!.id, transfer.data[1]!.id]);
  expect(page.nextCursor).not.toBeNull();
  const typed = await request.get('/api/stock-movements', { headers: bearer(token), params: { productId: id, type: 'RECEIPT' } });
  expect(((await typed.json()) as { data: unknown[] }).data).toHaveLength(1);
});

test('rules broken are 400 with field errors; unknown products 404; overselling 409 with what is available', async ({ request }) => {
  const token = await adminToken(request);
  const { id } = await product(request, token, { stock: 3 });
  const post = (data: unknown) => request.post('/api/stock-movements', { headers: bearer(token), data });
  const cases: Array<[unknown, string]> = [
    [{ productId: id, type: 'SHIPMENT', quantity: -2 }, 'quantity'],
    [{ productId: id, type: 'ADJUSTMENT', quantity: 0 }, 'quantity'],
    [{ productId: id, type: 'TRANSFER', quantity: 1 }, 'toLocationId'],
    [{ productId: id, type: 'SHIPMENT', quantity: 1, unitCost: '1.00' }, 'unitCost'],
    [{ productId: id, type: 'TELEPORT', quantity: 1 }, 'type'],
    [{ type: 'RECEIPT', quantity: 1 }, 'productId'],
  ];
  for (const [body, field] of cases) {
    const response = await post(body);
    expect(response.status(), JSON.stringify(body)).toBe(400);
    const answer = (await response.json()) as { code: string; errors: Record<string, string> };
    expect(answer.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(answer.errors)).toContain(field);
  }
  const unknown = await post({ productId: 999_999, type: 'RECEIPT', quantity: 1 });
  expect(unknown.status()).toBe(404);
  const oversell = await post({ productId: id, type: 'SHIPMENT', quantity: 4 });
  expect(oversell.status()).toBe(409);
  expect(await oversell.json()).toMatchObject({ code: 'INSUFFICIENT_STOCK', available: 3, errors: { quantity: 'Only 3 on hand' } });
});

test('a batch is all or none, with errors keyed by row', async ({ request }) => {
  const token = await adminToken(request);
  const { id } = await product(request, token, { stock: 5 });
  const batch = (movements: unknown[]) => request.post('/api/stock-movements/batch', { headers: bearer(token), data: { movements } });
  const refused = await batch([
    { productId: id, type: 'SHIPMENT', quantity: 2 },
    { productId: id, type: 'SHIPMENT', quantity: 2 },
    { productId: id, type: 'SHIPMENT', quantity: 2 },
  ]);
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ code: 'INSUFFICIENT_STOCK', errors: { '2.quantity': 'Only 1 on hand' } });
  const detail = await request.get(`/api/products/${id}`, { headers: bearer(token) });
  expect(((await detail.json()) as { onHand: number }).onHand).toBe(5);

  const invalid = await batch([{ productId: id, type: 'RECEIPT', quantity: 1 }, { productId: id, type: 'SHIPMENT', quantity: 0 }]);
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({ errors: { '1.quantity': expect.any(String) } });

  const accepted = await batch([{ productId: id, type: 'RECEIPT', quantity: 10 }, { productId: id, type: 'SHIPMENT', quantity: 12 }]);
  expect(accepted.status()).toBe(201);
  expect(((await accepted.json()) as MovementAnswer).data.map((row) => row.balanceAfter)).toEqual([15, 3]);

  const tooMany = await batch(Array.from({ length: 1001 }, () => ({ productId: id, type: 'RECEIPT', quantity: 1 })));
  expect(tooMany.status()).toBe(413);
});

test('Idempotency-Key replays the first answer, refuses another body, and posts once under concurrency', async ({ request }) => {
  const token = await adminToken(request);
  const { id } = await product(request, token, { stock: 100 });
  const key = randomUUID();
  const send = (quantity: number) =>
    request.post('/api/stock-movements', { headers: { ...bearer(token), 'idempotency-key': key }, data: { productId: id, type: 'SHIPMENT', quantity } });
  const answers = await Promise.all(Array.from({ length: 20 }, () => send(1)));
  const bodies = await Promise.all(answers.map(async (answer) => ({ status: answer.status(), body: (await answer.json()) as MovementAnswer })));
  for (const { status } of bodies) expect(status).toBe(201);
  expect(new Set(bodies.map(({ body }) => body.data[0]!.id)).size).toBe(1);
  const replay = await send(1);
  expect(((await replay.json()) as MovementAnswer).data[0]!.id).toBe(bodies[0]!.body.data[0]!.id);
  const conflict = await send(2);
  expect(conflict.status()).toBe(409);
  expect(await conflict.json()).toMatchObject({ code: 'CONFLICT' });
  const detail = await request.get(`/api/products/${id}`, { headers: bearer(token) });
  expect(((await detail.json()) as { onHand: number }).onHand).toBe(99);
});

test('alerts open once, stay dismissed, and resolve when stock recovers', async ({ request }) => {
  const token = await adminToken(request);
  const { id } = await product(request, token, { stock: 10, reorderLevel: 5 });
  const ship = (quantity: number) => request.post('/api/stock-movements', { headers: bearer(token), data: { productId: id, type: 'SHIPMENT', quantity } });
  const alertsOf = async (status: string) => {
    const response = await request.get('/api/inventory-alerts', { headers: bearer(token), params: { status, limit: 200 } });
    return ((await response.json()) as { data: Array<{ id: number; productId: number; status: string }> }).data.filter((alert) => alert.productId === id);
  };
  await ship(6);
  await ship(1);
  const active = await alertsOf('ACTIVE');
  expect(active).toHaveLength(1);
  const clerk = await createUserWithToken(request, 'CLERK');
  expect((await request.post(`/api/inventory-alerts/${active[0]!.id}/dismiss`, { headers: bearer(clerk.token) })).status()).toBe(403);
  const dismissed = await request.post(`/api/inventory-alerts/${active[0]!.id}/dismiss`, { headers: bearer(token) });
  expect(dismissed.status()).toBe(200);
  expect(await dismissed.json()).toMatchObject({ status: 'DISMISSED' });
  await ship(1);
  expect(await alertsOf('ACTIVE')).toHaveLength(0);
  await request.post('/api/stock-movements', { headers: bearer(token), data: { productId: id, type: 'RECEIPT', quantity: 20 } });
  expect(await alertsOf('DISMISSED')).toHaveLength(0);
  // The product opened (and resolved) an alert of its own at creation, with no stock yet.
  expect((await alertsOf('RESOLVED')).map((alert) => alert.id)).toContain(active[0]!.id);
  expect((await request.post('/api/inventory-alerts/999999/dismiss', { headers: bearer(token) })).status()).toBe(404);
});

test('roles, credentials and the immutable ledger at the door', async ({ request }) => {
  const token = await adminToken(request);
  const { id } = await product(request, token, { stock: 2 });
  const viewer = await createUserWithToken(request, 'VIEWER');
  const clerk = await createUserWithToken(request, 'CLERK');
  const body = { productId: id, type: 'RECEIPT', quantity: 1 };
  expect((await request.post('/api/stock-movements', { headers: bearer(viewer.token), data: body })).status()).toBe(403);
  expect((await request.post('/api/stock-movements', { headers: bearer(clerk.token), data: body })).status()).toBe(201);
  expect((await request.post('/api/stock-movements', { data: body })).status()).toBe(401);
  expect((await request.get('/api/stock-movements')).status()).toBe(401);
  const list = await request.get('/api/stock-movements', { headers: bearer(viewer.token), params: { productId: id } });
  const [latest] = ((await list.json()) as { data: Array<{ id: number }> }).data;
  for (const method of ['put', 'patch', 'delete'] as const) {
    for (const path of ['/api/stock-movements', `/api/stock-movements/${latest!.id}`]) {
      const response = await request[method](path, { headers: bearer(token), data: { quantity: 1 } });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(await response.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    }
  }
});
