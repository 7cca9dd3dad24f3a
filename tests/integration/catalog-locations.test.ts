import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createLocation } from '@/lib/inventory/create-location';
import { deleteLocation } from '@/lib/inventory/delete-location';
import { getLocation } from '@/lib/inventory/get-location';
import { listLocations } from '@/lib/inventory/list-locations';
import { createLocationSchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { updateLocation } from '@/lib/inventory/update-location';
import { auditRows, expectAppError, makeUser, newProduct, tag } from './catalog-fixtures';

const location = (fields: Record<string, unknown> = {}) => createLocationSchema.parse({ code: tag('LOC'), name: 'Aisle', ...fields });
const currentDefault = () => db().location.findFirstOrThrow({ where: { isDefault: true } });

describe('locations', () => {
  it('the first migration made MAIN the default', async () => {
    expect(await currentDefault()).toMatchObject({ code: 'MAIN', deletedAt: null });
  });

  it('creates, reads, renames and soft-deletes, with an audit row each time', async () => {
    const actorId = await makeUser();
    const created = await createLocation({ input: location({ code: 'Back-Room_1.A', name: ' Back room ' }), actorId });
    expect(created).toMatchObject({ code: 'Back-Room_1.A', name: 'Back room', isDefault: false, deletedAt: null });
    expect(await getLocation({ id: created.id })).toEqual(created);
    const renamed = await updateLocation({ id: created.id, input: updateLocationSchema.parse({ name: 'Store room', code: 'STORE' }), actorId });
    expect(renamed).toMatchObject({ code: 'STORE', name: 'Store room' });
    await deleteLocation({ id: created.id, actorId });
    await expectAppError(getLocation({ id: created.id }), 'NOT_FOUND');
    await expectAppError(updateLocation({ id: created.id, input: { name: 'x' }, actorId }), 'NOT_FOUND');
    await expectAppError(deleteLocation({ id: created.id, actorId }), 'NOT_FOUND');
    expect((await auditRows('Location', created.id)).map((row) => row.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  });

  it('validates the code: 1-32 of letters, digits, dot, dash, underscore', () => {
    for (const code of ['', 'has space', 'slash/no', 'x'.repeat(33), 'ümlaut']) {
      expect(createLocationSchema.safeParse({ code, name: 'x' }).error?.issues[0]?.path).toEqual(['code']);
    }
    expect(createLocationSchema.parse({ code: 'x'.repeat(32), name: 'x' }).isDefault).toBe(false);
    expect(createLocationSchema.safeParse({ code: 'A', name: '' }).success).toBe(false);
    expect(updateLocationSchema.safeParse({}).success).toBe(false);
  });

  it('a code is unique ignoring case, deleted locations included (409 code)', async () => {
    const code = tag('DUP');
    const first = await createLocation({ input: location({ code }), actorId: null });
    await expectAppError(createLocation({ input: location({ code }), actorId: null }), 'CONFLICT', { code: 'A location with this code already exists' });
    await expectAppError(createLocation({ input: location({ code: code.toLowerCase() }), actorId: null }), 'CONFLICT', {
      code: 'A location with this code already exists',
    });
    const other = await createLocation({ input: location(), actorId: null });
    await expectAppError(updateLocation({ id: other.id, input: { code: code.toUpperCase() }, actorId: null }), 'CONFLICT', {
      code: 'A location with this code already exists',
    });
    await deleteLocation({ id: first.id, actorId: null });
    await expectAppError(createLocation({ input: location({ code }), actorId: null }), 'CONFLICT', { code: 'A location with this code already exists' });
    // Changing only the case of its own code is fine.
    expect((await updateLocation({ id: other.id, input: { code: other.code.toLowerCase() }, actorId: null })).code).toBe(other.code.toLowerCase());
  });

  it('making a location the default un-defaults the previous one in the same transaction', async () => {
    const before = await currentDefault();
    const created = await createLocation({ input: location({ isDefault: true }), actorId: null });
    expect(created.isDefault).toBe(true);
    expect((await db().location.findUniqueOrThrow({ where: { id: before.id } })).isDefault).toBe(false);
    expect(await db().location.count({ where: { isDefault: true } })).toBe(1);
    expect((await auditRows('Location', before.id)).at(-1)).toMatchObject({ action: 'UPDATE' });

    const back = await updateLocation({ id: before.id, input: { isDefault: true }, actorId: null });
    expect(back.isDefault).toBe(true);
    expect((await db().location.findUniqueOrThrow({ where: { id: created.id } })).isDefault).toBe(false);
    expect(await db().location.count({ where: { isDefault: true } })).toBe(1);
    // Saying it again is harmless.
    await updateLocation({ id: before.id, input: { isDefault: true }, actorId: null });
    expect(await db().location.count({ where: { isDefault: true } })).toBe(1);
  });

  it('the default cannot be un-set directly nor deleted (409)', async () => {
    const current = await currentDefault();
    await expectAppError(updateLocation({ id: current.id, input: { isDefault: false }, actorId: null }), 'CONFLICT', {
      isDefault: 'Make another location the default instead',
    });
    await expectAppError(deleteLocation({ id: current.id, actorId: null }), 'CONFLICT');
    expect(await getLocation({ id: current.id })).toMatchObject({ isDefault: true, deletedAt: null });
  });

  it('a location holding stock cannot be deleted until the stock is transferred away', async () => {
    const actorId = await makeUser('CLERK');
    const product = await newProduct();
    const shelf = await createLocation({ input: location(), actorId: null });
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 5, locationId: shelf.id, reason: null, reference: null }] });
    const refused = await expectAppError(deleteLocation({ id: shelf.id, actorId: null }), 'CONFLICT');
    expect(refused.message).toMatch(/5 units.*transfer/i);
    expect((await getLocation({ id: shelf.id })).deletedAt).toBeNull();

    const main = await currentDefault();
    await postMovements({
      actorId,
      movements: [{ productId: product.id, type: 'TRANSFER', quantity: 5, locationId: shelf.id, toLocationId: main.id, reason: null, reference: null }],
    });
    const deleted = await deleteLocation({ id: shelf.id, actorId: null });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
  });

  it('unknown ids are NOT_FOUND', async () => {
    await expectAppError(getLocation({ id: 987_654 }), 'NOT_FOUND');
    await expectAppError(updateLocation({ id: 987_654, input: { name: 'x' }, actorId: null }), 'NOT_FOUND');
    await expectAppError(deleteLocation({ id: 987_654, actorId: null }), 'NOT_FOUND');
  });

  it('lists by code with a cursor, live ones unless includeDeleted', async () => {
    const made = [];
    for (let index = 0; index < 5; index += 1) made.push(await createLocation({ input: location(), actorId: null }));
    await deleteLocation({ id: made[2]!.id, actorId: null });
    const seen: number[] = [];
    let cursor;
    const { decodeSortCursor } = await import('@/lib/pagination');
    do {
      const page = await listLocations({ limit: 2, cursor, includeDeleted: false });
      seen.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor ? decodeSortCursor(page.nextCursor) : undefined;
    } while (cursor);
    const live = await db().location.findMany({ where: { deletedAt: null }, select: { id: true } });
    expect([...seen].sort((a, b) => a - b)).toEqual(live.map((row) => row.id).sort((a, b) => a - b));
    expect((await listLocations({ limit: 200, includeDeleted: true })).data.map((row) => row.id)).toContain(made[2]!.id);
  });
});
