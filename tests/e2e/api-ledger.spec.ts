import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { bearer, createLocation, createProduct, expectError, json, tokenFor, unique, userFor } from './fixtures/api';

/**
 * The stock ledger over real HTTP against `next start` (API.md: stock movements, batch,
 * Idempotency-Key, alerts): what only a real server shows (concurrent requests racing for
 * stock and for an idempotency key, headers, bodies as the network carries them) and the
 * ledger's behaviour end to end. The answers' shapes are also checked against the OpenAPI
 * document by the vitest contract tests (tests/integration/http). Every test creates its own
 * products with unique SKUs and only looks at rows of those products: other files post
 * movements on the same server meanwhile.
 */

/** The fields of a ledger row, exactly (API.md, "Stock movement"). */
const MOVEMENT_FIELDS = ['id', 'productId', 'locationId', 'type', 'quantity', 'balanceAfter', 'unitCost', 'reason', 'reference', 'transferId', 'createdBy', 'createdAt'];
/** The fields of an alert, exactly (API.md, "Alert"). */
const ALERT_FIELDS = ['id', 'productId', 'status', 'onHandAtTrigger', 'reorderLevel', 'createdAt', 'dismissedAt', 'resolvedAt'];

interface Movement {
  id: number;
  productId: number;
  locationId: number;
  type: string;
  quantity: number;
  balanceAfter: number;
  unitCost: string | null;
  reason: string | null;
  reference: string | null;
  transferId: string | null;
  createdBy: number | null;
  createdAt: string;
}

interface PostAnswer {
  data: Movement[];
  onHand: number;
}

interface Alert {
  id: number;
  productId: number;
  status: 'ACTIVE' | 'DISMISSED' | 'RESOLVED';
  onHandAtTrigger: number;
  reorderLevel: number;
  createdAt: string;
  dismissedAt: string | null;
  resolvedAt: string | null;
}

function postMovement(request: APIRequestContext, token: string, data: unknown, headers: Record<string, string> = {}) {
  return request.post('/api/stock-movements', { headers: { ...bearer(token), ...headers }, data });
}

async function post(request: APIRequestContext, token: string, data: Record<string, unknown>): Promise<PostAnswer> {
  return json<PostAnswer>(await postMovement(request, token, data), 201);
}

function postBatch(request: APIRequestContext, token: string, movements: unknown[], headers: Record<string, string> = {}) {
  return request.post('/api/stock-movements/batch', { headers: { ...bearer(token), ...headers }, data: { movements } });
}

async function productDetail(request: APIRequestContext, token: string, id: number) {
  return json<{ onHand: number; levels: Array<{ locationId: number; onHand: number }> }>(await request.get(`/api/products/${id}`, { headers: bearer(token) }), 200);
}

/** Every ledger row of a product, newest first, walking the cursor. */
async function ledgerOf(request: APIRequestContext, token: string, params: Record<string, string | number>): Promise<Movement[]> {
  const rows: Movement[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Movement[]; nextCursor: string | null } = await json(
      await request.get('/api/stock-movements', { headers: bearer(token), params: { limit: 200, ...params, ...(cursor ? { cursor } : {}) } }),
      200,
    );
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** A product's alerts of one status, walking every page of the (global) list. */
async function alertsOf(request: APIRequestContext, token: string, productId: number, status: Alert['status']): Promise<Alert[]> {
  const alerts: Alert[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Alert[]; nextCursor: string | null } = await json(
      await request.get('/api/inventory-alerts', { headers: bearer(token), params: { status, limit: 200, ...(cursor ? { cursor } : {}) } }),
      200,
    );
    for (const alert of page.data) expect(alert.status).toBe(status);
    alerts.push(...page.data.filter((alert) => alert.productId === productId));
    cursor = page.nextCursor;
  } while (cursor);
  return alerts;
}

function expectMovementShape(row: Movement) {
  expect(Object.keys(row).sort()).toEqual([...MOVEMENT_FIELDS].sort());
  expect(row.id).toEqual(expect.any(Number));
  expect(new Date(row.createdAt).toISOString()).toBe(row.createdAt);
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test.describe('POST /api/stock-movements', () => {
  test('every movement type writes signed ledger rows with balances, by id or by SKU', async ({ request }) => {
    const manager = await userFor(request, 'MANAGER');
    const token = manager.token;
    const { id, sku } = await createProduct(request, token);
    const other = await createLocation(request, token);

    const receipt = await post(request, token, { sku: sku.toLowerCase(), type: 'RECEIPT', quantity: 10, unitCost: '2.00', reason: 'Restock', reference: 'PO-7' });
    expect(Object.keys(receipt).sort()).toEqual(['data', 'onHand']);
    expect(receipt.data).toHaveLength(1);
    const first = receipt.data[0]!;
    expectMovementShape(first);
    expect(first).toMatchObject({
      productId: id,
      type: 'RECEIPT',
      quantity: 10,
      balanceAfter: 10,
      unitCost: '2.00',
      reason: 'Restock',
      reference: 'PO-7',
      transferId: null,
      createdBy: manager.id,
    });
    expect(Math.abs(Date.parse(first.createdAt) - Date.now())).toBeLessThan(5 * 60_000);
    expect(receipt.onHand).toBe(10);
    const home = first.locationId;

    // A receipt's unit cost may be a number; it comes back as a money string.
    const numeric = await post(request, token, { productId: id, type: 'RECEIPT', quantity: 2, unitCost: 3.5 });
    expect(numeric.data[0]).toMatchObject({ unitCost: '3.50', quantity: 2, balanceAfter: 12, locationId: home, reason: null, reference: null });
    expect(numeric.onHand).toBe(12);

    const shipment = await post(request, token, { sku: sku.toUpperCase(), type: 'SHIPMENT', quantity: 4 });
    expect(shipment.data).toHaveLength(1);
    expectMovementShape(shipment.data[0]!);
    expect(shipment.data[0]).toMatchObject({ productId: id, locationId: home, type: 'SHIPMENT', quantity: -4, balanceAfter: 8, unitCost: null });
    expect(shipment.onHand).toBe(8);

    const down = await post(request, token, { productId: id, type: 'ADJUSTMENT', quantity: -1, reason: 'Broken' });
    expect(down.data[0]).toMatchObject({ type: 'ADJUSTMENT', quantity: -1, balanceAfter: 7, reason: 'Broken' });
    const up = await post(request, token, { productId: id, type: 'ADJUSTMENT', quantity: 2, reason: 'Found' });
    expect(up.data[0]).toMatchObject({ type: 'ADJUSTMENT', quantity: 2, balanceAfter: 9 });
    expect(up.onHand).toBe(9);

    const transfer = await post(request, token, { productId: id, type: 'TRANSFER', quantity: 3, toLocationId: other, reference: 'MOVE-1' });
    expect(transfer.data).toHaveLength(2);
    const [out, into] = transfer.data as [Movement, Movement];
    expectMovementShape(out);
    expectMovementShape(into);
    expect(out).toMatchObject({ productId: id, type: 'TRANSFER', locationId: home, quantity: -3, balanceAfter: 6, reference: 'MOVE-1' });
    expect(into).toMatchObject({ productId: id, type: 'TRANSFER', locationId: other, quantity: 3, balanceAfter: 3, reference: 'MOVE-1' });
    expect(out.transferId).toEqual(expect.any(String));
    expect(out.transferId!.length).toBeGreaterThan(0);
    expect(into.transferId).toBe(out.transferId);
    expect(into.id).not.toBe(out.id);
    expect(transfer.onHand).toBe(9);
    const afterTransfer = await productDetail(request, token, id);
    expect(afterTransfer.onHand).toBe(9);
    expect(afterTransfer.levels.find((level) => level.locationId === home)?.onHand).toBe(6);
    expect(afterTransfer.levels.find((level) => level.locationId === other)?.onHand).toBe(3);

    // COUNT posts the difference between what was counted and what the ledger says.
    const countDown = await post(request, token, { productId: id, type: 'COUNT', quantity: 1, locationId: other });
    expect(countDown.data).toHaveLength(1);
    expect(countDown.data[0]).toMatchObject({ type: 'COUNT', locationId: other, quantity: -2, balanceAfter: 1 });
    expect(countDown.onHand).toBe(7);
    const countUp = await post(request, token, { sku, type: 'COUNT', quantity: 10 });
    expect(countUp.data[0]).toMatchObject({ type: 'COUNT', locationId: home, quantity: 4, balanceAfter: 10 });
    expect(countUp.onHand).toBe(11);
    const countZero = await post(request, token, { productId: id, type: 'COUNT', quantity: 0, locationId: other });
    expect(countZero.data[0]).toMatchObject({ type: 'COUNT', locationId: other, quantity: -1, balanceAfter: 0 });
    expect(countZero.onHand).toBe(10);

    const detail = await productDetail(request, token, id);
    expect(detail.onHand).toBe(10);
    expect(detail.levels.find((level) => level.locationId === home)?.onHand).toBe(10);
    expect(detail.levels.find((level) => level.locationId === other)?.onHand ?? 0).toBe(0);

    // The ledger holds exactly these rows, and each reads back as it was answered.
    const posted = [receipt, numeric, shipment, down, up, transfer, countDown, countUp, countZero].flatMap((answer) => answer.data);
    const ledger = await ledgerOf(request, token, { productId: id });
    expect(ledger.map((row) => row.id).sort((a, b) => a - b)).toEqual(posted.map((row) => row.id).sort((a, b) => a - b));
    expect(ledger.reduce((sum, row) => sum + row.quantity, 0)).toBe(10);
    for (const row of [first, out, into, countUp.data[0]!]) {
      expect(await json(await request.get(`/api/stock-movements/${row.id}`, { headers: bearer(token) }), 200)).toEqual(row);
    }
  });

  test('a CLERK may post; a VIEWER reads but may not post; no credentials is 401', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const clerk = await userFor(request, 'CLERK');
    const viewer = await tokenFor(request, 'VIEWER');
    const { id } = await createProduct(request, manager);
    const body = { productId: id, type: 'RECEIPT', quantity: 5 };

    const byClerk = await post(request, clerk.token, body);
    expect(byClerk.data[0]).toMatchObject({ createdBy: clerk.id, quantity: 5 });
    await expectError(await postMovement(request, viewer, body), 403, 'FORBIDDEN');
    await expectError(await request.post('/api/stock-movements', { data: body }), 401, 'UNAUTHENTICATED');
    await expectError(await postMovement(request, 'sr_not-a-real-token-0123456789abcdef', body), 401, 'UNAUTHENTICATED');
    await expectError(await request.post('/api/stock-movements/batch', { data: { movements: [body] } }), 401, 'UNAUTHENTICATED');
    await expectError(await postBatch(request, viewer, [body]), 403, 'FORBIDDEN');
    await expectError(await request.get('/api/stock-movements', { params: { productId: id } }), 401, 'UNAUTHENTICATED');
    await expectError(await request.get(`/api/stock-movements/${byClerk.data[0]!.id}`), 401, 'UNAUTHENTICATED');

    const read = await ledgerOf(request, viewer, { productId: id });
    expect(read.map((row) => row.id)).toEqual([byClerk.data[0]!.id]);
    expect((await productDetail(request, manager, id)).onHand).toBe(5);
  });

  test('each broken rule is a 400 naming the field, and nothing is written', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const home = (await post(request, token, { productId: id, type: 'RECEIPT', quantity: 5 })).data[0]!.locationId;
    const other = await createLocation(request, token);

    const cases: Array<[string, unknown, string[]]> = [
      ['negative shipment', { productId: id, type: 'SHIPMENT', quantity: -2 }, ['quantity']],
      ['negative receipt', { productId: id, type: 'RECEIPT', quantity: -1 }, ['quantity']],
      ['zero receipt', { productId: id, type: 'RECEIPT', quantity: 0 }, ['quantity']],
      ['fractional quantity', { productId: id, type: 'RECEIPT', quantity: 1.5 }, ['quantity']],
      ['quantity as text', { productId: id, type: 'RECEIPT', quantity: '5' }, ['quantity']],
      ['zero adjustment', { productId: id, type: 'ADJUSTMENT', quantity: 0 }, ['quantity']],
      ['negative count', { productId: id, type: 'COUNT', quantity: -1 }, ['quantity']],
      ['transfer without destination', { productId: id, type: 'TRANSFER', quantity: 1 }, ['toLocationId']],
      ['transfer to its own source', { productId: id, type: 'TRANSFER', quantity: 1, locationId: home, toLocationId: home }, ['toLocationId']],
      ['destination on a receipt', { productId: id, type: 'RECEIPT', quantity: 1, toLocationId: other }, ['toLocationId']],
      ['unit cost on a shipment', { productId: id, type: 'SHIPMENT', quantity: 1, unitCost: '1.00' }, ['unitCost']],
      ['negative unit cost', { productId: id, type: 'RECEIPT', quantity: 1, unitCost: '-1.00' }, ['unitCost']],
      ['unit cost with three decimals', { productId: id, type: 'RECEIPT', quantity: 1, unitCost: '1.005' }, ['unitCost']],
      ['unknown type', { productId: id, type: 'TELEPORT', quantity: 1 }, ['type']],
      ['no product', { type: 'RECEIPT', quantity: 1 }, ['productId']],
      ['both productId and sku', { productId: id, sku: 'ANY-SKU', type: 'RECEIPT', quantity: 1 }, ['productId']],
      ['unknown field', { productId: id, type: 'RECEIPT', quantity: 1, price: '2.00' }, ['_']],
      ['not an object', [1, 2, 3], ['_']],
    ];
    for (const [label, body, keys] of cases) {
      await test.step(label, async () => {
        const answer = await expectError(await postMovement(request, token, body), 400, 'VALIDATION_FAILED');
        const errors = answer.errors as Record<string, string>;
        expect(errors, label).toEqual(expect.any(Object));
        // A strict object reports an unknown key at the root; other rules name their field.
        if (keys[0] === '_') expect(Object.keys(errors).length, label).toBeGreaterThan(0);
        else expect(Object.keys(errors).sort(), label).toEqual(keys);
        for (const message of Object.values(errors)) expect(message).toEqual(expect.any(String));
      });
    }

    const malformed = await request.post('/api/stock-movements', {
      headers: { ...bearer(token), 'content-type': 'application/json' },
      data: `{"productId": ${id}, "type": "RECEIPT", "quantity": 1`,
    });
    await expectError(malformed, 400, 'VALIDATION_FAILED', ['_']);
    const wrongType = await request.post('/api/stock-movements', {
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      data: JSON.stringify({ productId: id, type: 'RECEIPT', quantity: 1 }),
    });
    await expectError(wrongType, 400, 'VALIDATION_FAILED', ['_']);
    const form = await request.post('/api/stock-movements', { headers: bearer(token), form: { productId: String(id), type: 'RECEIPT', quantity: '1' } });
    await expectError(form, 400, 'VALIDATION_FAILED');
    const empty = await request.post('/api/stock-movements', { headers: { ...bearer(token), 'content-type': 'application/json' } });
    await expectError(empty, 400, 'VALIDATION_FAILED');

    expect((await productDetail(request, token, id)).onHand).toBe(5);
    expect(await ledgerOf(request, token, { productId: id })).toHaveLength(1);
  });

  test('unknown or deleted products and locations are 404; overselling is 409 with what is available', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const other = await createLocation(request, token);
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 3 });

    await expectError(await postMovement(request, token, { productId: 2_000_000_000, type: 'RECEIPT', quantity: 1 }), 404, 'NOT_FOUND', ['productId']);
    await expectError(await postMovement(request, token, { sku: unique('NO-SUCH'), type: 'RECEIPT', quantity: 1 }), 404, 'NOT_FOUND', ['sku']);
    await expectError(await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1, locationId: 2_000_000_000 }), 404, 'NOT_FOUND', ['locationId']);
    await expectError(await postMovement(request, token, { productId: id, type: 'TRANSFER', quantity: 1, toLocationId: 2_000_000_000 }), 404, 'NOT_FOUND', ['toLocationId']);

    const oversell = await expectError(await postMovement(request, token, { productId: id, type: 'SHIPMENT', quantity: 4 }), 409, 'INSUFFICIENT_STOCK', ['quantity']);
    expect(oversell).toMatchObject({ available: 3, errors: { quantity: 'Only 3 on hand' } });
    const overAdjust = await expectError(await postMovement(request, token, { productId: id, type: 'ADJUSTMENT', quantity: -5 }), 409, 'INSUFFICIENT_STOCK');
    expect(overAdjust.available).toBe(3);
    // Stock at another location does not count: a location never goes below zero.
    await post(request, token, { productId: id, type: 'TRANSFER', quantity: 2, toLocationId: other });
    const fromOther = await expectError(await postMovement(request, token, { productId: id, type: 'SHIPMENT', quantity: 3, locationId: other }), 409, 'INSUFFICIENT_STOCK');
    expect(fromOther.available).toBe(2);
    const transferTooMuch = await expectError(await postMovement(request, token, { productId: id, type: 'TRANSFER', quantity: 2, toLocationId: other }), 409, 'INSUFFICIENT_STOCK');
    expect(transferTooMuch.available).toBe(1);
    expect((await productDetail(request, token, id)).onHand).toBe(3);
    expect(await ledgerOf(request, token, { productId: id })).toHaveLength(3);

    // Shipping exactly what is on hand is fine.
    expect((await post(request, token, { productId: id, type: 'SHIPMENT', quantity: 2, locationId: other })).onHand).toBe(1);

    const gone = await createProduct(request, token);
    await post(request, token, { productId: gone.id, type: 'RECEIPT', quantity: 1 });
    // Holding stock, it cannot be deleted (its units would be stranded); counted to zero, it can.
    const refused = await expectError(await request.delete(`/api/products/${gone.id}`, { headers: bearer(token) }), 409, 'CONFLICT');
    expect(refused.message).toBe(`${gone.sku} still holds 1 unit (1 at MAIN): ship, adjust or count them to zero first.`);
    expect((await productDetail(request, token, gone.id)).onHand).toBe(1);
    await post(request, token, { productId: gone.id, type: 'COUNT', quantity: 0 });
    await shouldDelete(request, token, gone.id);
    await expectError(await postMovement(request, token, { productId: gone.id, type: 'SHIPMENT', quantity: 1 }), 404, 'NOT_FOUND', ['productId']);
    await expectError(await postMovement(request, token, { sku: gone.sku, type: 'RECEIPT', quantity: 1 }), 404, 'NOT_FOUND', ['sku']);

    // A deleted location takes no stock, as a source or as a destination.
    const closed = await createLocation(request, token);
    const closedAnswer = await request.delete(`/api/locations/${closed}`, { headers: bearer(token) });
    expect(closedAnswer.status(), await closedAnswer.text()).toBe(204);
    await expectError(await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1, locationId: closed }), 404, 'NOT_FOUND', ['locationId']);
    await expectError(await postMovement(request, token, { productId: id, type: 'TRANSFER', quantity: 1, toLocationId: closed }), 404, 'NOT_FOUND', ['toLocationId']);
    expect((await productDetail(request, token, id)).onHand).toBe(1);

    await expectError(await request.get('/api/stock-movements/2000000000', { headers: bearer(token) }), 404, 'NOT_FOUND');
    await expectError(await request.get('/api/stock-movements/abc', { headers: bearer(token) }), 404, 'NOT_FOUND');
  });

  test('text limits are 400 and an oversized body is 413', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    await expectError(await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1, reason: 'r'.repeat(501) }), 400, 'VALIDATION_FAILED', ['reason']);
    await expectError(await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1, reference: 'r'.repeat(201) }), 400, 'VALIDATION_FAILED', ['reference']);
    await expectError(await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1_000_000_001 }), 400, 'VALIDATION_FAILED', ['quantity']);
    await expectError(await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1, reason: 'r'.repeat(100_000) }), 413, 'PAYLOAD_TOO_LARGE');
    const trimmed = await post(request, token, { productId: id, type: 'RECEIPT', quantity: 1, reason: '  padded  ', reference: '   ' });
    expect(trimmed.data[0]).toMatchObject({ reason: 'padded', reference: null });
    expect(await ledgerOf(request, token, { productId: id })).toHaveLength(1);
  });

  test('a product total past what an integer column holds is refused with 400 on every engine, never 201 or 500', async ({ request }) => {
    // Each location stays below 2^31 - 1, which planMovements checks; their sum, products.on_hand, does not.
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const other = await createLocation(request, token);
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 1_000_000_000 });
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 1_000_000_000, locationId: other });
    const third = await postMovement(request, token, { productId: id, type: 'RECEIPT', quantity: 1_000_000_000, locationId: other });
    try {
      await expectError(third, 400, 'VALIDATION_FAILED', ['quantity']);
      expect((await productDetail(request, token, id)).onHand).toBe(2_000_000_000);
      await expectError(
        await postBatch(request, token, [
          { productId: id, type: 'RECEIPT', quantity: 100_000_000 },
          { productId: id, type: 'RECEIPT', quantity: 100_000_000, locationId: other },
        ]),
        400,
        'VALIDATION_FAILED',
      );
      expect((await productDetail(request, token, id)).onHand).toBe(2_000_000_000);
    } finally {
      // Leave the shared server's data in range whatever happened above.
      let excess = (await productDetail(request, token, id)).onHand - 2_000_000_000;
      for (const level of (await productDetail(request, token, id)).levels) {
        const quantity = Math.min(excess, level.onHand, 1_000_000_000);
        if (quantity <= 0) continue;
        await post(request, token, { productId: id, type: 'SHIPMENT', quantity, locationId: level.locationId });
        excess -= quantity;
      }
    }
  });

  test('the ledger cannot be changed: PUT, PATCH and DELETE are 405 in the error shape', async ({ request }) => {
    const token = await tokenFor(request, 'ADMIN');
    const { id } = await createProduct(request, token);
    const row = (await post(request, token, { productId: id, type: 'RECEIPT', quantity: 2 })).data[0]!;
    const attempts: Array<[string, 'put' | 'patch' | 'delete' | 'post']> = [
      ['/api/stock-movements', 'put'],
      ['/api/stock-movements', 'patch'],
      ['/api/stock-movements', 'delete'],
      [`/api/stock-movements/${row.id}`, 'put'],
      [`/api/stock-movements/${row.id}`, 'patch'],
      [`/api/stock-movements/${row.id}`, 'delete'],
      [`/api/stock-movements/${row.id}`, 'post'],
      ['/api/stock-movements/batch', 'put'],
      ['/api/stock-movements/batch', 'delete'],
    ];
    for (const [path, method] of attempts) {
      const response = await request[method](path, { headers: bearer(token), data: { quantity: 100 } });
      const body = await expectError(response, 405, 'METHOD_NOT_ALLOWED');
      expect(Object.keys(body).sort(), `${method} ${path}`).toEqual(['code', 'message']);
      expect(response.headers().allow, `${method} ${path}`).toBeTruthy();
    }
    expect(await json(await request.get(`/api/stock-movements/${row.id}`, { headers: bearer(token) }), 200)).toEqual(row);
    expect((await productDetail(request, token, id)).onHand).toBe(2);
  });
});

async function shouldDelete(request: APIRequestContext, token: string, productId: number) {
  const removed = await request.delete(`/api/products/${productId}`, { headers: bearer(token) });
  expect(removed.status(), await removed.text()).toBe(204);
}

test.describe('POST /api/stock-movements/batch', () => {
  test('posts every movement in order and answers 201 { data }', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const a = await createProduct(request, token);
    const b = await createProduct(request, token);
    const other = await createLocation(request, token);
    const response = await postBatch(request, token, [
      { productId: a.id, type: 'RECEIPT', quantity: 10, unitCost: '1.00' },
      { sku: b.sku, type: 'RECEIPT', quantity: 4 },
      { productId: a.id, type: 'SHIPMENT', quantity: 3 },
      { productId: a.id, type: 'TRANSFER', quantity: 2, toLocationId: other },
      { productId: b.id, type: 'ADJUSTMENT', quantity: -1 },
      { productId: a.id, type: 'COUNT', quantity: 4, locationId: other },
    ]);
    const body = await json<{ data: Movement[] }>(response, 201);
    expect(Object.keys(body)).toEqual(['data']);
    for (const row of body.data) expectMovementShape(row);
    expect(body.data.map((row) => [row.productId, row.type, row.quantity, row.balanceAfter])).toEqual([
      [a.id, 'RECEIPT', 10, 10],
      [b.id, 'RECEIPT', 4, 4],
      [a.id, 'SHIPMENT', -3, 7],
      [a.id, 'TRANSFER', -2, 5],
      [a.id, 'TRANSFER', 2, 2],
      [b.id, 'ADJUSTMENT', -1, 3],
      [a.id, 'COUNT', 2, 4],
    ]);
    expect(body.data[3]!.transferId).toEqual(expect.any(String));
    expect(body.data[4]!.transferId).toBe(body.data[3]!.transferId);
    expect(new Set(body.data.map((row) => row.id)).size).toBe(7);
    expect((await productDetail(request, token, a.id)).onHand).toBe(9);
    expect((await productDetail(request, token, b.id)).onHand).toBe(3);
  });

  test('is all or none: a row that oversells, or is invalid, changes nothing', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const bystander = await createProduct(request, token);
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 5 });
    const ledgerBefore = await ledgerOf(request, token, { productId: id });
    expect(ledgerBefore).toHaveLength(1);

    const oversold = await expectError(
      await postBatch(request, token, [
        { productId: bystander.id, type: 'RECEIPT', quantity: 50 },
        { productId: id, type: 'SHIPMENT', quantity: 2 },
        { productId: id, type: 'SHIPMENT', quantity: 4 },
        { productId: id, type: 'RECEIPT', quantity: 100 },
      ]),
      409,
      'INSUFFICIENT_STOCK',
      ['2.quantity'],
    );
    expect(oversold).toMatchObject({ available: 3, errors: { '2.quantity': 'Only 3 on hand' } });
    expect((await productDetail(request, token, id)).onHand).toBe(5);
    expect((await productDetail(request, token, bystander.id)).onHand).toBe(0);
    expect(await ledgerOf(request, token, { productId: id })).toEqual(ledgerBefore);
    expect(await ledgerOf(request, token, { productId: bystander.id })).toEqual([]);

    const invalid = await expectError(
      await postBatch(request, token, [
        { productId: id, type: 'RECEIPT', quantity: 1 },
        { productId: id, type: 'BORROW', quantity: 1 },
        { productId: id, type: 'SHIPMENT', quantity: 0 },
        { productId: id, type: 'SHIPMENT', quantity: 1, unitCost: '2.00' },
      ]),
      400,
      'VALIDATION_FAILED',
      ['1.type', '2.quantity', '3.unitCost'],
    );
    expect(invalid.message).toEqual(expect.any(String));
    await expectError(
      await postBatch(request, token, [
        { productId: id, type: 'RECEIPT', quantity: 1 },
        { productId: 2_000_000_000, type: 'RECEIPT', quantity: 1 },
      ]),
      404,
      'NOT_FOUND',
      ['1.productId'],
    );
    await expectError(await postBatch(request, token, []), 400, 'VALIDATION_FAILED');
    await expectError(await request.post('/api/stock-movements/batch', { headers: bearer(token), data: { movements: 'all of them' } }), 400, 'VALIDATION_FAILED', ['movements']);
    await expectError(await request.post('/api/stock-movements/batch', { headers: bearer(token), data: [{ productId: id, type: 'RECEIPT', quantity: 1 }] }), 400, 'VALIDATION_FAILED');
    const malformed = await request.post('/api/stock-movements/batch', { headers: { ...bearer(token), 'content-type': 'application/json' }, data: '{"movements": [' });
    await expectError(malformed, 400, 'VALIDATION_FAILED', ['_']);

    expect((await productDetail(request, token, id)).onHand).toBe(5);
    expect(await ledgerOf(request, token, { productId: id })).toEqual(ledgerBefore);
  });

  test('1000 movements are accepted; 1001 are 413 and write nothing', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const tooMany = await postBatch(
      request,
      token,
      Array.from({ length: 1001 }, () => ({ productId: id, type: 'RECEIPT', quantity: 1 })),
    );
    await expectError(tooMany, 413, 'PAYLOAD_TOO_LARGE');
    expect((await productDetail(request, token, id)).onHand).toBe(0);

    const full = await json<{ data: Movement[] }>(
      await postBatch(request, token, Array.from({ length: 1000 }, (_, index) => ({ productId: id, type: 'RECEIPT', quantity: 1, reference: `R-${index}` }))),
      201,
    );
    expect(full.data).toHaveLength(1000);
    expect(full.data.map((row) => row.balanceAfter)).toEqual(Array.from({ length: 1000 }, (_, index) => index + 1));
    expect(full.data.map((row) => row.reference)).toEqual(Array.from({ length: 1000 }, (_, index) => `R-${index}`));
    expect((await productDetail(request, token, id)).onHand).toBe(1000);
  });
});

test.describe('GET /api/stock-movements', () => {
  test('filters by product, type, location and date; newest first; the cursor walks every row once', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const viewer = await tokenFor(request, 'VIEWER');
    const { id } = await createProduct(request, token);
    const neighbour = await createProduct(request, token);
    const other = await createLocation(request, token);
    await post(request, token, { productId: neighbour.id, type: 'RECEIPT', quantity: 1 });
    const posted: Movement[] = [];
    for (const body of [
      { type: 'RECEIPT', quantity: 20 },
      { type: 'SHIPMENT', quantity: 1 },
      { type: 'SHIPMENT', quantity: 2 },
      { type: 'TRANSFER', quantity: 3, toLocationId: other },
      { type: 'ADJUSTMENT', quantity: 1 },
      { type: 'SHIPMENT', quantity: 3 },
      { type: 'RECEIPT', quantity: 4 },
    ]) {
      posted.push(...(await post(request, token, { productId: id, ...body })).data);
    }
    await post(request, token, { productId: neighbour.id, type: 'SHIPMENT', quantity: 1 });

    const all = await ledgerOf(request, viewer, { productId: id });
    expect(all.map((row) => row.id)).toEqual(posted.map((row) => row.id).sort((a, b) => b - a));
    for (const [index, row] of all.entries()) {
      expect(row.productId).toBe(id);
      if (index > 0) expect(Date.parse(row.createdAt)).toBeLessThanOrEqual(Date.parse(all[index - 1]!.createdAt));
    }

    const shipments = await ledgerOf(request, viewer, { productId: id, type: 'SHIPMENT' });
    expect(shipments.map((row) => row.quantity)).toEqual([-3, -2, -1]);
    const atOther = await ledgerOf(request, viewer, { productId: id, locationId: other });
    expect(atOther.map((row) => [row.type, row.quantity])).toEqual([['TRANSFER', 3]]);

    expect(await ledgerOf(request, viewer, { productId: id, from: isoDay(0) })).toEqual(all);
    expect(await ledgerOf(request, viewer, { productId: id, to: isoDay(0) })).toEqual(all);
    expect(await ledgerOf(request, viewer, { productId: id, from: isoDay(-1), to: isoDay(1) })).toEqual(all);
    expect(await ledgerOf(request, viewer, { productId: id, to: isoDay(-1) })).toEqual([]);
    expect(await ledgerOf(request, viewer, { productId: id, from: isoDay(1) })).toEqual([]);
    // Timestamps are bounds too, both inclusive.
    const middle = posted[3]!;
    const since = await ledgerOf(request, viewer, { productId: id, from: middle.createdAt });
    expect(since).toEqual(all.filter((row) => row.createdAt >= middle.createdAt));
    expect(since.map((row) => row.id)).toContain(middle.id);
    const until = await ledgerOf(request, viewer, { productId: id, to: middle.createdAt });
    expect(until).toEqual(all.filter((row) => row.createdAt <= middle.createdAt));
    expect(until.map((row) => row.id)).toContain(middle.id);
    const exactly = await ledgerOf(request, viewer, { productId: id, from: middle.createdAt, to: middle.createdAt });
    expect(exactly.map((row) => row.id)).toContain(middle.id);
    expect(exactly.every((row) => row.createdAt === middle.createdAt)).toBe(true);

    // Walk the same product three rows at a time.
    const walked: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: Movement[]; nextCursor: string | null } = await json(
        await request.get('/api/stock-movements', { headers: bearer(viewer), params: { productId: id, limit: 3, ...(cursor ? { cursor } : {}) } }),
        200,
      );
      expect(page.data.length).toBeLessThanOrEqual(3);
      walked.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(cursor).toBeNull();
    expect(walked).toEqual(all.map((row) => row.id));
    expect(pages).toBe(Math.ceil(all.length / 3));

    const unfiltered = await json<{ data: Movement[]; nextCursor: string | null }>(await request.get('/api/stock-movements', { headers: bearer(viewer) }), 200);
    expect(unfiltered.data.length).toBeGreaterThan(0);
    expect(unfiltered.data.length).toBeLessThanOrEqual(50);
    const ids = unfiltered.data.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    await expectError(await request.get('/api/stock-movements', { headers: bearer(viewer), params: { type: 'GIFT' } }), 400, 'VALIDATION_FAILED', ['type']);
    await expectError(await request.get('/api/stock-movements', { headers: bearer(viewer), params: { from: 'yesterday' } }), 400, 'VALIDATION_FAILED', ['from']);
    await expectError(await request.get('/api/stock-movements', { headers: bearer(viewer), params: { from: isoDay(1), to: isoDay(-1) } }), 400, 'VALIDATION_FAILED', ['to']);
    await expectError(await request.get('/api/stock-movements', { headers: bearer(viewer), params: { productId: 'abc' } }), 400, 'VALIDATION_FAILED', ['productId']);
    await expectError(await request.get('/api/stock-movements', { headers: bearer(viewer), params: { limit: 201 } }), 400, 'VALIDATION_FAILED', ['limit']);
    await expectError(await request.get('/api/stock-movements', { headers: bearer(viewer), params: { cursor: 'not-a-cursor' } }), 400, 'VALIDATION_FAILED', ['cursor']);
  });
});

test.describe('Idempotency-Key', () => {
  test('a replay answers the same rows with 201 and writes nothing; another body is 409 CONFLICT', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const other = await createLocation(request, token);
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 10 });
    const key = randomUUID();
    const body = { productId: id, type: 'TRANSFER', quantity: 4, toLocationId: other, reference: 'IDEM-1' };

    const firstResponse = await postMovement(request, token, body, { 'idempotency-key': key });
    const first = await json<PostAnswer>(firstResponse, 201);
    expect(first.data).toHaveLength(2);
    const ledgerAfterFirst = await ledgerOf(request, token, { productId: id });
    expect(ledgerAfterFirst).toHaveLength(3);

    // The same body, keys in another order: the same request.
    const reordered = { reference: 'IDEM-1', toLocationId: other, quantity: 4, type: 'TRANSFER', productId: id };
    for (const again of [body, reordered]) {
      const replay = await postMovement(request, token, again, { 'idempotency-key': key });
      expect(await json<PostAnswer>(replay, 201)).toEqual(first);
    }
    expect(await ledgerOf(request, token, { productId: id })).toEqual(ledgerAfterFirst);
    const detail = await productDetail(request, token, id);
    expect(detail.levels.find((level) => level.locationId === other)?.onHand).toBe(4);

    const conflict = await expectError(
      await postMovement(request, token, { ...body, quantity: 5 }, { 'idempotency-key': key }),
      409,
      'CONFLICT',
    );
    expect(conflict.message).toEqual(expect.any(String));
    // The same key on the batch endpoint is another request, too.
    await expectError(await postBatch(request, token, [body], { 'idempotency-key': key }), 409, 'CONFLICT');
    expect(await ledgerOf(request, token, { productId: id })).toEqual(ledgerAfterFirst);

    // Keys belong to their user: another user's identical key is a request of its own.
    const clerk = await tokenFor(request, 'CLERK');
    const theirs = await json<PostAnswer>(await postMovement(request, clerk, { productId: id, type: 'RECEIPT', quantity: 1 }, { 'idempotency-key': key }), 201);
    expect(theirs.data[0]!.id).not.toBe(first.data[0]!.id);
    expect(theirs.onHand).toBe(11);

    // A key is printable ASCII, at most 255 characters.
    await expectError(await postMovement(request, token, body, { 'idempotency-key': 'k'.repeat(256) }), 400, 'VALIDATION_FAILED', ['Idempotency-Key']);
    expect(await ledgerOf(request, token, { productId: id })).toHaveLength(4);
  });

  test('a failed request does not burn its key', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const key = randomUUID();
    const body = { productId: id, type: 'SHIPMENT', quantity: 2 };
    await expectError(await postMovement(request, token, body, { 'idempotency-key': key }), 409, 'INSUFFICIENT_STOCK');
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 2 });
    const retried = await json<PostAnswer>(await postMovement(request, token, body, { 'idempotency-key': key }), 201);
    expect(retried.onHand).toBe(0);
    expect(await json<PostAnswer>(await postMovement(request, token, body, { 'idempotency-key': key }), 201)).toEqual(retried);
    expect(await ledgerOf(request, token, { productId: id })).toHaveLength(2);
  });

  test('20 concurrent POSTs with one key create one set of rows, and all 20 answers carry its ids', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    await post(request, token, { productId: id, type: 'RECEIPT', quantity: 100 });
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postMovement(request, token, { productId: id, type: 'SHIPMENT', quantity: 1, reference: 'SO-20' }, { 'idempotency-key': key })),
    );
    const bodies = await Promise.all(answers.map((answer) => json<PostAnswer>(answer, 201)));
    const idSets = new Set(bodies.map((body) => JSON.stringify(body.data.map((row) => row.id))));
    expect(idSets.size).toBe(1);
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]!.onHand).toBe(99);

    const shipments = await ledgerOf(request, token, { productId: id, type: 'SHIPMENT' });
    expect(shipments.map((row) => row.id)).toEqual(bodies[0]!.data.map((row) => row.id));
    expect((await productDetail(request, token, id)).onHand).toBe(99);
  });

  test('20 concurrent batches with one key post the batch once', async ({ request }) => {
    const token = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, token);
    const key = randomUUID();
    const movements = [
      { productId: id, type: 'RECEIPT', quantity: 7 },
      { productId: id, type: 'SHIPMENT', quantity: 2 },
    ];
    const bodies = await Promise.all(
      Array.from({ length: 20 }, async () => json<{ data: Movement[] }>(await postBatch(request, token, movements, { 'idempotency-key': key }), 201)),
    );
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]!.data).toHaveLength(2);
    expect(await ledgerOf(request, token, { productId: id })).toHaveLength(2);
    expect((await productDetail(request, token, id)).onHand).toBe(5);
  });
});

test.describe('inventory alerts', () => {
  test('open once below the reorder level, stay dismissed, resolve when stock recovers', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const clerk = await tokenFor(request, 'CLERK');
    const viewer = await tokenFor(request, 'VIEWER');
    const { id } = await createProduct(request, manager, { reorderLevel: 5, safetyStock: 2, reorderQuantity: 10 });
    await post(request, manager, { productId: id, type: 'RECEIPT', quantity: 10 });
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([]);
    expect(await alertsOf(request, viewer, id, 'DISMISSED')).toEqual([]);
    const resolvedBefore = (await alertsOf(request, viewer, id, 'RESOLVED')).map((alert) => alert.id);

    // Down to the level itself: not below it, no alert.
    await post(request, manager, { productId: id, type: 'SHIPMENT', quantity: 5 });
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([]);

    await post(request, clerk, { productId: id, type: 'SHIPMENT', quantity: 1 });
    const opened = await alertsOf(request, viewer, id, 'ACTIVE');
    expect(opened).toHaveLength(1);
    const alert = opened[0]!;
    expect(Object.keys(alert).sort()).toEqual([...ALERT_FIELDS].sort());
    expect(alert).toMatchObject({ productId: id, status: 'ACTIVE', onHandAtTrigger: 4, reorderLevel: 5, dismissedAt: null, resolvedAt: null });

    // Further shipments below the level keep the one alert.
    await post(request, clerk, { productId: id, type: 'SHIPMENT', quantity: 1 });
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([alert]);

    await expectError(await request.post(`/api/inventory-alerts/${alert.id}/dismiss`, { headers: bearer(clerk) }), 403, 'FORBIDDEN');
    await expectError(await request.post(`/api/inventory-alerts/${alert.id}/dismiss`, { headers: bearer(viewer) }), 403, 'FORBIDDEN');
    await expectError(await request.post(`/api/inventory-alerts/${alert.id}/dismiss`), 401, 'UNAUTHENTICATED');
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([alert]);

    const dismissed = await json<Alert>(await request.post(`/api/inventory-alerts/${alert.id}/dismiss`, { headers: bearer(manager) }), 200);
    expect(dismissed).toMatchObject({ id: alert.id, productId: id, status: 'DISMISSED', onHandAtTrigger: 4, reorderLevel: 5, resolvedAt: null });
    expect(Date.parse(dismissed.dismissedAt ?? '')).not.toBeNaN();
    // Dismissing twice changes nothing.
    expect(await json<Alert>(await request.post(`/api/inventory-alerts/${alert.id}/dismiss`, { headers: bearer(manager) }), 200)).toEqual(dismissed);
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([]);
    expect(await alertsOf(request, viewer, id, 'DISMISSED')).toEqual([dismissed]);

    // A further shipment does not reopen a new alert while the dismissed one is unresolved.
    await post(request, clerk, { productId: id, type: 'SHIPMENT', quantity: 2 });
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([]);
    expect(await alertsOf(request, viewer, id, 'DISMISSED')).toEqual([dismissed]);

    // Receiving back above the level resolves it.
    await post(request, clerk, { productId: id, type: 'RECEIPT', quantity: 20 });
    expect(await alertsOf(request, viewer, id, 'ACTIVE')).toEqual([]);
    expect(await alertsOf(request, viewer, id, 'DISMISSED')).toEqual([]);
    const resolved = (await alertsOf(request, viewer, id, 'RESOLVED')).filter((row) => !resolvedBefore.includes(row.id));
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ id: alert.id, status: 'RESOLVED', dismissedAt: dismissed.dismissedAt });
    expect(Date.parse(resolved[0]!.resolvedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(dismissed.dismissedAt!));
    // A resolved alert cannot be dismissed.
    await expectError(await request.post(`/api/inventory-alerts/${alert.id}/dismiss`, { headers: bearer(manager) }), 409, 'CONFLICT');

    // Falling below again (21 - 20 = 1) opens a new alert.
    await post(request, manager, { productId: id, type: 'SHIPMENT', quantity: 20 });
    const reopened = await alertsOf(request, viewer, id, 'ACTIVE');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.id).not.toBe(alert.id);
    expect(reopened[0]).toMatchObject({ onHandAtTrigger: 1, reorderLevel: 5, status: 'ACTIVE', dismissedAt: null });
  });

  test('a batch that dips below and recovers leaves no alert; one that ends below opens one', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const { id } = await createProduct(request, manager, { reorderLevel: 5 });
    await post(request, manager, { productId: id, type: 'RECEIPT', quantity: 10 });
    await json(await postBatch(request, manager, [
      { productId: id, type: 'SHIPMENT', quantity: 8 },
      { productId: id, type: 'RECEIPT', quantity: 8 },
    ]), 201);
    expect(await alertsOf(request, manager, id, 'ACTIVE')).toEqual([]);
    await json(await postBatch(request, manager, [
      { productId: id, type: 'SHIPMENT', quantity: 3 },
      { productId: id, type: 'SHIPMENT', quantity: 3 },
    ]), 201);
    const active = await alertsOf(request, manager, id, 'ACTIVE');
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ onHandAtTrigger: 4, reorderLevel: 5 });
  });

  test('unknown alerts are 404; a bad status filter is 400', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    for (const id of ['2000000000', '0', 'abc']) {
      await expectError(await request.post(`/api/inventory-alerts/${id}/dismiss`, { headers: bearer(manager) }), 404, 'NOT_FOUND');
    }
    await expectError(await request.get('/api/inventory-alerts', { headers: bearer(manager), params: { status: 'OPEN' } }), 400, 'VALIDATION_FAILED', ['status']);
    await expectError(await request.get('/api/inventory-alerts'), 401, 'UNAUTHENTICATED');
    const page = await json<{ data: Alert[]; nextCursor: string | null }>(await request.get('/api/inventory-alerts', { headers: bearer(manager) }), 200);
    for (const alert of page.data) expect(alert.status).toBe('ACTIVE');
  });
});
