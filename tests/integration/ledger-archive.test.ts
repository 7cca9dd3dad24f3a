import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { createLocation } from '@/lib/inventory/create-location';
import { archiveLedger } from '@/lib/inventory/ledger/archive-ledger';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { auditRows, expectAppError, makeUser, newProduct, tag } from './catalog-fixtures';
import { refusal } from './helpers';

/**
 * Archiving moves old ledger rows out of the live table without changing any balance: the
 * checkpoints carry each level on, a run stopped half-way is finished by the next, and the
 * database still refuses every other UPDATE or DELETE of a ledger row, archived or live.
 * One history per file (archiving takes every product's old rows), built with a fake clock.
 */

afterEach(() => {
  vi.useRealTimers();
});

function setClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function post(actorId: number, raw: Record<string, unknown>) {
  await postMovements({ actorId, movements: [movementInputSchema.parse(raw)] });
}

async function snapshot() {
  const levels = await db().stockLevel.findMany({ orderBy: [{ productId: 'asc' }, { locationId: 'asc' }], select: { productId: true, locationId: true, onHand: true } });
  const valuations = [];
  for (const asOf of ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05', undefined]) valuations.push(await getStockValuation({ asOf, now: new Date('2025-01-06T12:00:00Z') }));
  return { levels, valuations };
}

describe('archiving the ledger', () => {
  it('moves old rows in batches, keeps every balance and valuation, survives a stop half-way, and lets posting carry on', async () => {
    const actorId = await makeUser('ADMIN');
    const bin = await createLocation({ input: createLocationSchema.parse({ code: tag('ARC'), name: 'Archive bin' }), actorId: null });
    const [first, second] = [await newProduct({ cost: '1.00', reorderLevel: 3 }, actorId), await newProduct({ cost: '2.00', reorderLevel: 0 }, actorId)];
    for (let day = 1; day <= 5; day += 1) {
      setClock(`2025-01-0${day}T10:00:00Z`);
      await post(actorId, { productId: first.id, type: 'RECEIPT', quantity: 4 + day, unitCost: `${day}.25` });
      await post(actorId, { productId: first.id, type: 'SHIPMENT', quantity: day });
      await post(actorId, { productId: second.id, type: 'RECEIPT', quantity: 10, unitCost: `${day * 3}.10` });
      await post(actorId, { productId: second.id, type: 'TRANSFER', quantity: 2, toLocationId: bin.id });
    }
    setClock('2025-01-06T12:00:00Z');
    const before = await snapshot();
    const liveBefore = await db().stockMovement.count();

    // Stopped after the first batch, as a killed process would be.
    const stop = new Error('killed');
    await expect(archiveLedger({ before: '2025-01-04', actorId, batchSize: 3, afterBatch: () => Promise.reject(stop) })).rejects.toBe(stop);
    expect(await db().stockMovementArchive.count()).toBe(3);
    expect((await verifyLedger({ includeArchive: true })).discrepancies).toEqual([]);
    expect(await snapshot()).toEqual(before);

    const result = await archiveLedger({ before: '2025-01-04', actorId, batchSize: 3 });
    // Days 1 to 3: 4 rows a day for the first product's two movements and the second's receipt, 2 legs per transfer.
    const archivedRows = 3 * 5;
    expect(result).toEqual({ replayed: false, answer: { archived: archivedRows - 3, checkpoints: 3, before: '2025-01-04' } });
    expect(await db().stockMovementArchive.count()).toBe(archivedRows);
    expect(await db().stockMovement.count()).toBe(liveBefore - archivedRows);
    expect(await db().stockMovement.count({ where: { createdAt: { lt: new Date('2025-01-04T00:00:00Z') } } })).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect((await verifyLedger({ includeArchive: true })).discrepancies).toEqual([]);

    // Again with the same day: nothing more.
    expect((await archiveLedger({ before: '2025-01-04', actorId })).answer).toEqual({ archived: 0, checkpoints: 0, before: '2025-01-04' });
    const runs = await db().ledgerArchiveRun.findMany({ orderBy: { id: 'asc' } });
    expect(runs.map((run) => [run.archived, run.finishedAt !== null])).toEqual([
      [3, false],
      [archivedRows - 3, true],
      [0, true],
    ]);
    for (const run of runs) expect((await auditRows('LedgerArchiveRun', run.id)).length).toBe(run.finishedAt ? 2 : 1);

    // Posting carries on from the checkpointed balances, and archiving the rest ("tomorrow") still agrees.
    await post(actorId, { productId: first.id, type: 'SHIPMENT', quantity: 1 });
    await post(actorId, { productId: second.id, type: 'RECEIPT', quantity: 1, unitCost: '9.00' });
    const [level] = await db().stockLevel.findMany({ where: { productId: first.id } });
    const last = await db().stockMovement.findFirstOrThrow({ where: { productId: first.id }, orderBy: { id: 'desc' } });
    expect(last.balanceAfter).toBe(level!.onHand);
    const later = await snapshot();
    expect((await archiveLedger({ before: '2025-01-07', actorId })).answer.archived).toBe(liveBefore - archivedRows + 2);
    expect(await db().stockMovement.count()).toBe(0);
    expect(await snapshot()).toEqual(later);
    expect((await verifyLedger({ includeArchive: true })).discrepancies).toEqual([]);
    await post(actorId, { productId: first.id, type: 'SHIPMENT', quantity: 1 });
    expect((await verifyLedger({ includeArchive: true })).discrepancies).toEqual([]);

    await expectAppError(archiveLedger({ before: '2025-01-08', actorId }), 'VALIDATION_FAILED', { before: 'Must be 2025-01-07 (tomorrow) or earlier' });
  });

  it('refuses UPDATE and DELETE of archived rows, and of live rows not archived, at the SQL prompt', async () => {
    const actorId = await makeUser('ADMIN');
    const product = await newProduct({ cost: '1.00' }, actorId);
    setClock('2025-02-01T10:00:00Z');
    await post(actorId, { productId: product.id, type: 'RECEIPT', quantity: 5 });
    setClock('2025-02-03T10:00:00Z');
    await post(actorId, { productId: product.id, type: 'SHIPMENT', quantity: 1 });
    await archiveLedger({ before: '2025-02-02', actorId });
    const archived = await db().stockMovementArchive.findFirstOrThrow({ where: { productId: product.id } });
    const live = await db().stockMovement.findFirstOrThrow({ where: { productId: product.id } });

    expect((await refusal(db(), `UPDATE "stock_movements_archive" SET "quantity" = 500 WHERE "id" = ${archived.id}`)).message).toMatch(/append-only: UPDATE is not allowed/);
    expect((await refusal(db(), `DELETE FROM "stock_movements_archive" WHERE "id" = ${archived.id}`)).message).toMatch(/append-only: DELETE is not allowed/);
    expect((await refusal(db(), `UPDATE "stock_movements" SET "quantity" = 500 WHERE "id" = ${live.id}`)).message).toMatch(/append-only: UPDATE is not allowed/);
    expect((await refusal(db(), `DELETE FROM "stock_movements" WHERE "id" = ${live.id}`)).message).toMatch(/append-only: DELETE is not allowed/);
    // A copy that differs in one column does not open the door.
    const forged = `INSERT INTO "stock_movements_archive" ("id", "product_id", "location_id", "type", "quantity", "balance_after", "created_at", "average_cost_micro_cents")
      SELECT "id", "product_id", "location_id", "type", "quantity" + 1, "balance_after", "created_at", "average_cost_micro_cents" FROM "stock_movements" WHERE "id" = ${live.id}`;
    await db().$executeRawUnsafe(forged);
    expect((await refusal(db(), `DELETE FROM "stock_movements" WHERE "id" = ${live.id}`)).message).toMatch(/append-only: DELETE is not allowed/);
    expect(await db().stockMovement.findUnique({ where: { id: live.id } })).toEqual(live);
    expect(await db().stockMovementArchive.findUnique({ where: { id: archived.id } })).toEqual(archived);
    if ((await db().$queryRaw<unknown[]>`SELECT 1 FROM pg_catalog.pg_tables LIMIT 1`.catch(() => null)) !== null) {
      expect((await refusal(db(), 'TRUNCATE "stock_movements_archive"')).message).toMatch(/append-only: TRUNCATE is not allowed/);
    }
  });
});
