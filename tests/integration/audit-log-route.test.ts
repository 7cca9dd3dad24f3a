import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/audit-log/route';
import { POST as dismissRoute } from '@/app/api/inventory-alerts/[id]/dismiss/route';
import type { AuditLogEntry } from '@/lib/audit-log/list-audit-log';
import { createApiToken } from '@/lib/auth/create-api-token';
import { db } from '@/lib/db/client';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { updateProduct } from '@/lib/inventory/update-product';
import { newProduct, productPatch } from './catalog-fixtures';
import { createTestUser } from './helpers';

/**
 * GET /api/audit-log called as Next calls it: the exported handler, a real Request, a bearer
 * token of a real user on this file's database. ADMIN only; pages newest first; no secrets.
 */

const SECRET_TEXT = /password|tokenHash|secret|\$2[aby]\$/i;

async function tokenFor(userId: number): Promise<string> {
  return (await createApiToken({ userId, name: 'audit test', expiresInDays: 1, scope: 'write' })).token;
}

function get(query: string, token: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/audit-log${query}`, { headers: { authorization: `Bearer ${token}` } }), undefined);
}

async function entriesOf(entity: string, entityId: number, token: string): Promise<AuditLogEntry[]> {
  const response = await get(`?entity=${entity}&entityId=${entityId}`, token);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: AuditLogEntry[] }).data;
}

describe('GET /api/audit-log', () => {
  it('answers an ADMIN token with pages newest first, filtered, and refuses every other role and a bearer header without a live token', async () => {
    const { user: admin } = await createTestUser({ role: 'ADMIN' });
    const { user: manager } = await createTestUser({ role: 'MANAGER', actorId: admin.id });
    const product = await newProduct({ name: 'Route audited' }, manager.id);
    await updateProduct({ id: product.id, input: productPatch({ name: 'Route audited, again' }), actorId: manager.id });
    await updateProduct({ id: product.id, input: productPatch({ price: '5.55' }), actorId: manager.id });
    const adminToken = await tokenFor(admin.id);

    const first = await get(`?entity=product&entityId=${product.id}&limit=2`, adminToken);
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { data: AuditLogEntry[]; nextCursor: string | null };
    expect(firstBody.data.map((entry) => entry.action)).toEqual(['UPDATE', 'UPDATE']);
    expect(firstBody.data[0]).toEqual({
      id: expect.any(Number),
      action: 'UPDATE',
      entity: 'product',
      entityId: product.id,
      actorId: manager.id,
      actorEmail: manager.email,
      before: expect.objectContaining({ price: expect.any(String) }),
      after: expect.objectContaining({ price: '5.55' }),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
    });
    expect(firstBody.nextCursor).toEqual(expect.any(String));
    const second = await get(`?entity=product&entityId=${product.id}&limit=2&cursor=${firstBody.nextCursor}`, adminToken);
    const secondBody = (await second.json()) as { data: AuditLogEntry[]; nextCursor: string | null };
    expect(secondBody).toEqual({ data: [expect.objectContaining({ action: 'CREATE', before: null })], nextCursor: null });

    const byActor = (await (await get(`?actorId=${admin.id}&entity=user`, adminToken)).json()) as { data: AuditLogEntry[] };
    expect(byActor.data.map((entry) => entry.entityId)).toContain(manager.id);
    expect(byActor.data.every((entry) => entry.actorId === admin.id && entry.entity === 'user')).toBe(true);
    const everything = await (await get('?limit=200', adminToken)).text();
    expect(everything).not.toMatch(SECRET_TEXT);

    const bad = await get('?entity=movie', adminToken);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: { entity: expect.any(String) } });

    for (const role of ['MANAGER', 'CLERK', 'VIEWER'] as const) {
      const { user } = await createTestUser({ role });
      const refused = await get('', await tokenFor(user.id));
      expect(refused.status, role).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    // Without a token the handler reads the session cookie, which needs Next's request scope:
    // that case is the e2e suite's. A bearer header that names no live token is a 401 here.
    const noSecret = await GET(new Request('http://localhost/api/audit-log', { headers: { authorization: 'Bearer ' } }), undefined);
    expect(noSecret.status).toBe(401);
    const wrongToken = await get('', 'sr_not-a-real-token-but-long-enough-to-look-like-one');
    expect(wrongToken.status).toBe(401);
  });

  it('POST /api/inventory-alerts/{id}/dismiss records the token owner as the one who dismissed', async () => {
    const { user: manager } = await createTestUser({ role: 'MANAGER' });
    const product = await newProduct({ reorderLevel: 5 }, manager.id);
    await postMovements({ actorId: manager.id, movements: [movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 1, unitCost: '1.00' })] });
    const alert = await db().inventoryAlert.findFirstOrThrow({ where: { productId: product.id, status: 'ACTIVE' } });
    const response = await dismissRoute(
      new Request(`http://localhost/api/inventory-alerts/${alert.id}/dismiss`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(manager.id)}` } }),
      { params: Promise.resolve({ id: String(alert.id) }) },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: alert.id, status: 'DISMISSED' });
    expect(await db().inventoryAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ dismissedById: manager.id });
    const { user: admin } = await createTestUser({ role: 'ADMIN' });
    const [entry] = await entriesOf('alert', alert.id, await tokenFor(admin.id));
    expect(entry).toMatchObject({ actorId: manager.id, after: { status: 'DISMISSED' } });
  });
});
