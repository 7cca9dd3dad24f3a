import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLogQuerySchema, listAuditLog, type AuditLogEntry } from '@/lib/audit-log/list-audit-log';
import { updateUser } from '@/lib/auth/update-user';
import { updateUserSchema } from '@/lib/auth/schemas';
import { db } from '@/lib/db/client';
import { dismissAlert } from '@/lib/inventory/dismiss-alert';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { archiveLedger } from '@/lib/inventory/ledger/archive-ledger';
import { updateProduct } from '@/lib/inventory/update-product';
import { updateShopSettingsSchema } from '@/lib/settings/settings-schemas';
import { updateShopSettings } from '@/lib/settings/update-shop-settings';
import { expectAppError, newProduct, productPatch } from './catalog-fixtures';
import { createTestUser } from './helpers';

/**
 * The audit trail read back through its use case: filters, newest-first keyset pages, only
 * the changed fields of an update, never a secret. Dismissing an alert records who did it.
 * (audit-log-route.test.ts reads it over the route.)
 */

afterEach(() => {
  vi.useRealTimers();
});

function query(raw: Record<string, string>) {
  const { limit, cursor, ...filter } = auditLogQuerySchema.parse(raw);
  return { filter, limit, cursor };
}

/** Every page of a filtered list, following nextCursor. */
async function allPages(raw: Record<string, string>): Promise<AuditLogEntry[]> {
  const entries: AuditLogEntry[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listAuditLog(query({ ...raw, ...(cursor ? { cursor } : {}) }));
    entries.push(...page.data);
    if (!page.nextCursor) return entries;
    cursor = page.nextCursor;
  }
}

const SECRET_TEXT = /password|tokenHash|secret|\$2[aby]\$/i;

describe('the audit log', () => {
  it('filters by entity, entity id, actor and day, newest first, page by page, with only the changed fields of an update', async () => {
    const { user: admin } = await createTestUser({ role: 'ADMIN' });
    const { user: manager } = await createTestUser({ role: 'MANAGER', actorId: admin.id });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-04-01T09:00:00Z'));
    const product = await newProduct({ name: 'Audited kettle', price: '20.00' }, manager.id);
    vi.setSystemTime(new Date('2025-04-02T09:00:00Z'));
    for (let step = 1; step <= 4; step += 1) await updateProduct({ id: product.id, input: productPatch({ price: `2${step}.00` }), actorId: manager.id });
    vi.setSystemTime(new Date('2025-04-03T09:00:00Z'));
    await updateProduct({ id: product.id, input: productPatch({ name: 'Audited kettle, blue' }), actorId: admin.id });
    vi.useRealTimers();

    const mine = await allPages({ entity: 'product', entityId: String(product.id), limit: '2' });
    expect(mine.map((entry) => entry.action)).toEqual(['UPDATE', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE', 'CREATE']);
    expect(mine.map((entry) => entry.id)).toEqual([...mine.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(new Set(mine.map((entry) => entry.id)).size).toBe(6);
    expect(mine.every((entry) => entry.entity === 'product' && entry.entityId === product.id)).toBe(true);

    const [rename, , , , firstPrice, create] = mine;
    // An update carries the fields it changed, and nothing else besides the update time.
    expect(rename!.before).toMatchObject({ name: 'Audited kettle' });
    expect(rename!.after).toMatchObject({ name: 'Audited kettle, blue' });
    expect(Object.keys(rename!.after!).sort()).toEqual(Object.keys(rename!.before!).sort());
    expect(rename!.after).not.toHaveProperty('price');
    expect(rename!.after).not.toHaveProperty('sku');
    expect(firstPrice!.before).toMatchObject({ price: '20.00' });
    expect(firstPrice!.after).toMatchObject({ price: '21.00' });
    expect(firstPrice!.after).not.toHaveProperty('name');
    // A create shows the whole new row.
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({ sku: product.sku, name: 'Audited kettle', price: '20.00' });
    expect(create!.actorId).toBe(manager.id);
    expect(create!.actorEmail).toBe(manager.email);
    expect(rename!.actorEmail).toBe(admin.email);

    const byAdmin = await allPages({ entity: 'product', actorId: String(admin.id) });
    expect(byAdmin.map((entry) => entry.id)).toEqual([rename!.id]);
    const onSecondDay = await allPages({ entity: 'product', entityId: String(product.id), from: '2025-04-02', to: '2025-04-02' });
    expect(onSecondDay).toHaveLength(4);
    expect(onSecondDay.every((entry) => entry.createdAt.startsWith('2025-04-02'))).toBe(true);
    const fromThirdDay = await allPages({ entityId: String(product.id), entity: 'product', from: '2025-04-03' });
    expect(fromThirdDay.map((entry) => entry.id)).toEqual([rename!.id]);
    const users = await allPages({ entity: 'user', entityId: String(manager.id) });
    expect(users.map((entry) => [entry.entity, entry.action, entry.actorId])).toEqual([['user', 'CREATE', admin.id]]);
  });

  it('never shows a password hash or a token hash, even when an old row holds one', async () => {
    const { user: admin } = await createTestUser({ role: 'ADMIN' });
    const { user: clerk } = await createTestUser({ role: 'CLERK', actorId: admin.id });
    await updateUser({ id: clerk.id, input: updateUserSchema.parse({ role: 'VIEWER' }), actorId: admin.id });
    // A row as a careless writer might have left it: secrets inside the snapshots, nested too.
    await db().auditLog.create({
      data: {
        actorId: admin.id,
        action: 'UPDATE',
        entity: 'ApiToken',
        entityId: 1,
        before: JSON.stringify({ name: 'old', tokenHash: 'f'.repeat(64), owner: { passwordHash: '$2b$12$abcdefghijklmnopqrstuv' } }),
        after: JSON.stringify({ name: 'new', tokenHash: 'e'.repeat(64), secret: 'whsec_x', token: 'sr_plain', owner: { passwordHash: '$2b$12$zyxwvutsrqponmlkjihgfe' } }),
      },
    });
    const entries = await allPages({});
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) expect(JSON.stringify([entry.before, entry.after]), `entry ${entry.id}`).not.toMatch(SECRET_TEXT);
    const [forged] = await allPages({ entity: 'token', entityId: '1' });
    expect(forged).toMatchObject({ entity: 'token', before: { name: 'old' }, after: { name: 'new' } });
    const [roleChange] = await allPages({ entity: 'user', entityId: String(clerk.id), limit: '1' });
    expect(roleChange).toMatchObject({ action: 'UPDATE', before: { role: 'CLERK' }, after: { role: 'VIEWER' } });
  });

  it('refuses bad filters with VALIDATION_FAILED', () => {
    for (const raw of [{ entity: 'movie' }, { entityId: 'abc' }, { actorId: '-3' }, { from: 'yesterday' }, { from: '2025-05-02', to: '2025-05-01' }, { cursor: 'nope' }, { limit: '500' }]) {
      expect(auditLogQuerySchema.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
    }
  });

  it('dismissing an alert goes through one transaction that records who dismissed it, in the alert and the audit log', async () => {
    const { user: manager } = await createTestUser({ role: 'MANAGER' });
    const product = await newProduct({ reorderLevel: 10 }, manager.id);
    await postMovements({ actorId: manager.id, movements: [movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 3, unitCost: '1.00' })] });
    const alert = await db().inventoryAlert.findFirstOrThrow({ where: { productId: product.id, status: 'ACTIVE' } });

    const dismissed = await dismissAlert({ id: alert.id, actorId: manager.id });
    expect(dismissed).toMatchObject({ status: 'DISMISSED', dismissedById: manager.id });
    expect(dismissed.dismissedAt).toBeInstanceOf(Date);
    // A second dismissal changes nothing and records nothing.
    expect(await dismissAlert({ id: alert.id, actorId: manager.id })).toEqual(dismissed);
    const entries = await allPages({ entity: 'alert', entityId: String(alert.id) });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'UPDATE',
      actorId: manager.id,
      actorEmail: manager.email,
      before: { status: 'ACTIVE', dismissedById: null },
      after: { status: 'DISMISSED', dismissedById: manager.id, dismissedAt: dismissed.dismissedAt!.toISOString() },
    });

    await expectAppError(dismissAlert({ id: 2_000_000_000, actorId: manager.id }), 'NOT_FOUND');
    await postMovements({ actorId: manager.id, movements: [movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 20, unitCost: '1.00' })] });
    await expectAppError(dismissAlert({ id: alert.id, actorId: manager.id }), 'CONFLICT');
    expect(await allPages({ entity: 'alert', entityId: String(alert.id) })).toHaveLength(1);
  });

  it('files shop settings changes and ledger archive runs under their own record types', async () => {
    const { user: admin } = await createTestUser({ role: 'ADMIN' });
    await updateShopSettings({ actorId: admin.id, input: updateShopSettingsSchema.parse({ shopName: 'Audited shop' }) });
    const [settingsEntry] = await allPages({ entity: 'shopSettings', actorId: String(admin.id) });
    expect(settingsEntry).toMatchObject({ entity: 'shopSettings', after: { shopName: 'Audited shop' } });
    await updateShopSettings({ actorId: admin.id, input: updateShopSettingsSchema.parse({ shopName: 'Stockroom' }) });

    await archiveLedger({ actorId: admin.id, before: '2001-01-01' });
    const archiveEntries = await allPages({ entity: 'ledgerArchive', actorId: String(admin.id) });
    expect(archiveEntries.length).toBeGreaterThan(0);
    expect(archiveEntries.every((entry) => entry.entity === 'ledgerArchive')).toBe(true);
  });
});
