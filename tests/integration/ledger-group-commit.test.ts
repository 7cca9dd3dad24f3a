import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { setPlanningFaultForTests } from '@/lib/inventory/write-movement-group';
import { api, callerWithRole, createProduct, type Caller } from './http/api';

/**
 * Group commit (issue 12): single movements that arrive together are written in shared
 * transactions, yet each request keeps its own answer or its own refusal. Through the route
 * handler, with real tokens, on this file's own database (SQLite, or PostgreSQL in the
 * integration-postgres project).
 */

interface Row {
  id: number;
  productId: number;
  type: string;
  quantity: number;
  balanceAfter: number;
  reference: string | null;
  createdAt: string;
}
interface Posted {
  data: Row[];
  onHand: number;
}

let manager: Caller;
let clerk: Caller;

beforeAll(async () => {
  [manager, clerk] = await Promise.all([callerWithRole('MANAGER'), callerWithRole('CLERK')]);
});

afterEach(() => setPlanningFaultForTests(undefined));

async function receive(productId: number, quantity: number): Promise<void> {
  const { status } = await api.post('/api/stock-movements', { token: manager.token, json: { productId, type: 'RECEIPT', quantity } });
  expect(status).toBe(201);
}

describe('group commit of single movements', () => {
  it('200 concurrent requests, half overselling A, half good receipts and shipments of B: each answered on its own', async () => {
    const a = await createProduct(manager.token, { reorderLevel: 10 });
    const b = await createProduct(manager.token, { reorderLevel: 5 });
    await receive(a.id, 50);
    await receive(b.id, 1000);

    const requests = Array.from({ length: 200 }, (_, index) => {
      const reference = `gc-${index}`;
      if (index % 2 === 0) return { reference, productId: a.id, type: 'SHIPMENT', quantity: 1 };
      return index % 4 === 1 ? { reference, productId: b.id, type: 'RECEIPT', quantity: 3 } : { reference, productId: b.id, type: 'SHIPMENT', quantity: 2 };
    });
    const answers = await Promise.all(requests.map((json) => api.post<Posted & { code?: string }>('/api/stock-movements', { token: clerk.token, json })));

    const okA = answers.filter((answer, index) => requests[index]!.productId === a.id && answer.status === 201);
    const refusedA = answers.filter((answer, index) => requests[index]!.productId === a.id && answer.status !== 201);
    expect(okA).toHaveLength(50);
    expect(refusedA.map((answer) => [answer.status, answer.body.code])).toEqual(Array.from({ length: 50 }, () => [409, 'INSUFFICIENT_STOCK']));
    answers.forEach((answer, index) => {
      const request = requests[index]!;
      if (request.productId === b.id) expect(answer.status).toBe(201);
      if (answer.status !== 201) return;
      // The answer is this request's own movement...
      expect(answer.body.data).toHaveLength(1);
      const [row] = answer.body.data;
      expect(row).toMatchObject({ productId: request.productId, type: request.type, reference: request.reference, quantity: request.type === 'SHIPMENT' ? -request.quantity : request.quantity });
      // ...and the product's total right after it (one location, so the same as its balance).
      expect(answer.body.onHand).toBe(row!.balanceAfter);
    });

    // Ids are distinct, and in id order each balance follows from the one before.
    for (const [product, start] of [
      [a.id, 50],
      [b.id, 1000],
    ] as const) {
      const rows = answers
        .filter((answer) => answer.status === 201 && answer.body.data[0]!.productId === product)
        .map((answer) => answer.body.data[0]!)
        .sort((x, y) => x.id - y.id);
      expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
      let balance = start;
      for (const row of rows) {
        balance += row.quantity;
        expect(row.balanceAfter).toBe(balance);
      }
      const stored = await db().stockMovement.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { id: 'asc' } });
      expect(stored.map((row) => [row.id, row.reference, row.quantity, row.balanceAfter])).toEqual(rows.map((row) => [row.id, row.reference, row.quantity, row.balanceAfter]));
    }
    expect((await db().product.findUniqueOrThrow({ where: { id: a.id } })).onHand).toBe(0);
    expect((await db().product.findUniqueOrThrow({ where: { id: b.id } })).onHand).toBe(1000 + 50 * 3 - 50 * 2);
    expect(await db().inventoryAlert.count({ where: { productId: a.id, status: 'ACTIVE' } })).toBe(1);
    expect(await db().inventoryAlert.count({ where: { productId: b.id, status: { in: ['ACTIVE', 'DISMISSED'] } } })).toBe(0);
    expect((await verifyLedger()).discrepancies).toEqual([]);
    // They were grouped: a group's rows share one timestamp.
    const posted = answers.filter((answer) => answer.status === 201).map((answer) => answer.body.data[0]!.createdAt);
    expect(new Set(posted).size).toBeLessThan(posted.length);
  }, 120_000);

  it('20 concurrent requests with one Idempotency-Key post one movement; the 19 others answer the same body', async () => {
    const product = await createProduct(manager.token);
    const reference = `idem-${randomUUID()}`;
    const headers = { 'idempotency-key': randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.post<Posted>('/api/stock-movements', { token: clerk.token, headers, json: { productId: product.id, type: 'RECEIPT', quantity: 7, reference } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 201));
    expect(answers.filter((answer) => answer.response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(await db().stockMovement.count({ where: { reference } })).toBe(1);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).onHand).toBe(7);

    // The key is the caller's: another user may use the same one for a request of their own.
    const other = await api.post<Posted>('/api/stock-movements', { token: manager.token, headers, json: { productId: product.id, type: 'RECEIPT', quantity: 1, reference } });
    expect(other.status).toBe(201);
    expect(other.response.headers.get('idempotent-replayed')).toBeNull();
  }, 60_000);

  it('a key whose first request was refused is free again: the refusal wrote nothing, not even the key', async () => {
    const product = await createProduct(manager.token);
    const headers = { 'idempotency-key': randomUUID() };
    const json = { productId: product.id, type: 'SHIPMENT', quantity: 2 };
    const refused = await Promise.all(Array.from({ length: 3 }, () => api.post<{ code: string }>('/api/stock-movements', { token: clerk.token, headers, json })));
    expect(refused.map((answer) => answer.body.code)).toEqual(['INSUFFICIENT_STOCK', 'INSUFFICIENT_STOCK', 'INSUFFICIENT_STOCK']);
    await receive(product.id, 5);
    const posted = await api.post<Posted>('/api/stock-movements', { token: clerk.token, headers, json });
    expect(posted.status).toBe(201);
    expect(posted.body.onHand).toBe(3);
  });

  it('refusals of every kind in one group leave the others committed', async () => {
    const product = await createProduct(manager.token);
    const doomed = await createProduct(manager.token);
    await db().product.update({ where: { id: doomed.id }, data: { deletedAt: new Date() } });
    const actorId = clerk.id;
    const location = await db().location.findFirstOrThrow({ where: { isDefault: true } });
    const one = (movement: Record<string, unknown>) => ({ reason: null, reference: null, type: 'RECEIPT' as const, quantity: 1, ...movement });
    const outcome = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (isAppError(error) ? error.code : `UNEXPECTED ${String(error)}`));
    const outcomes = await Promise.all(
      [
        one({ productId: product.id, quantity: 4 }),
        one({ productId: doomed.id }),
        one({ sku: 'NO-SUCH-SKU-ANYWHERE' }),
        one({ productId: product.id, locationId: 999_999 }),
        one({ productId: product.id, type: 'TRANSFER', locationId: location.id, toLocationId: location.id }),
        one({ productId: product.id, type: 'SHIPMENT', quantity: 100 }),
        one({ productId: product.id, type: 'SHIPMENT', quantity: 3 }),
        one({ sku: product.sku.toLowerCase(), quantity: 2 }),
      ].map((movement) => outcome(postMovements({ actorId, movements: [movement] }))),
    );
    expect(outcomes).toEqual(['OK', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED', 'INSUFFICIENT_STOCK', 'OK', 'OK']);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).onHand).toBe(4 - 3 + 2);
    expect(await db().stockMovement.count({ where: { productId: doomed.id } })).toBe(0);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('a request whose planning throws an unexpected error fails alone: the others of its group commit', async () => {
    const product = await createProduct(manager.token);
    const planned: string[] = [];
    setPlanningFaultForTests((request) => {
      const reference = request.movements[0]?.reference ?? '';
      planned.push(reference);
      if (reference === 'boom') throw new Error('injected planning fault');
    });
    // Sent at once, they are cut into groups of several (how many depends on the engine's slots):
    // "boom", in the middle, shares its group with others.
    const references = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'boom', 'r9', 'r10', 'r11'];
    const outcomes = await Promise.all(
      references.map((reference) =>
        postMovements({ actorId: clerk.id, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 1, reason: null, reference }] }).then(
          ({ answer }) => answer.data[0]!.reference,
          (error: unknown) => (isAppError(error) ? error.code : (error as Error).message),
        ),
      ),
    );
    expect(outcomes).toEqual(references.map((reference) => (reference === 'boom' ? 'injected planning fault' : reference)));
    // Planned twice: once in its group, which failed whole, then alone when the group was posted one by one.
    expect(planned.filter((reference) => reference === 'boom')).toHaveLength(2);
    const written = await db().stockMovement.findMany({ where: { productId: product.id }, select: { reference: true } });
    expect(written.map((row) => row.reference).sort()).toEqual(references.filter((reference) => reference !== 'boom').sort());
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).onHand).toBe(11);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });
});
