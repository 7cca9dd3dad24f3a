import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createLocation } from '@/lib/inventory/create-location';
import { createLocationSchema } from '@/lib/inventory/location-schemas';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { presentMovement } from '@/lib/inventory/present';
import { makeUser, newProduct, tag } from './catalog-fixtures';

/**
 * Ledger rows reach the database as one JSON parameter (lib/inventory/insert-ledger-rows.ts):
 * what is stored must be exactly what the answer said was posted, for every column and type
 * the JSON has to carry (text a JSON or SQL quoting slip would mangle, nulls, the largest
 * unit cost, the BIGINT average, the millisecond timestamp, a transfer's shared id), and the
 * ids must follow the order of the movements.
 */
describe('ledger rows written through the JSON insert', () => {
  it('read back exactly as answered, with ids in movement order', async () => {
    const actorId = await makeUser('MANAGER');
    const product = await newProduct({}, actorId);
    const shelf = await createLocation({ actorId, input: createLocationSchema.parse({ code: tag('E').toUpperCase(), name: tag('Encoding shelf') }) });
    const awkward = `O'Brien "quoted" \\ back\\slash é 📦 {"json":[1,null]} ') ; --`;
    const movements = [
      { productId: product.id, type: 'RECEIPT', quantity: 7, unitCost: '21474836.47', reason: awkward, reference: 'PO-"1"' },
      { productId: product.id, type: 'RECEIPT', quantity: 3 },
      { productId: product.id, type: 'TRANSFER', quantity: 4, toLocationId: shelf.id, reference: '\\u0041' },
      { productId: product.id, type: 'SHIPMENT', quantity: 2, reason: '日本語のテキスト' },
    ].map((movement) => movementInputSchema.parse(movement));

    const { answer } = await postMovements({ actorId, batch: true, movements });
    expect(answer.data.map((row) => row.type)).toEqual(['RECEIPT', 'RECEIPT', 'TRANSFER', 'TRANSFER', 'SHIPMENT']);
    const ids = answer.data.map((row) => row.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    const stored = await db().stockMovement.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(stored.map(presentMovement)).toEqual(answer.data);
    expect(stored[0]!.reason).toBe(awkward);
    expect(stored[0]!.unitCostCents).toBe(2_147_483_647);
    expect(stored[2]!.transferId).toBe(stored[3]!.transferId);
    expect(stored[2]!.transferId).toMatch(/^[0-9a-f-]{36}$/);

    const after = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    // Every row after the last receipt carries the product's average, a BIGINT past 2^32.
    expect(after.averageCostMicroCents).toBeGreaterThan(2n ** 32n);
    expect(stored.slice(1).map((row) => row.averageCostMicroCents)).toEqual(stored.slice(1).map(() => after.averageCostMicroCents));
    expect(stored[0]!.averageCostMicroCents).toBe(2_147_483_647n * 1_000_000n);
  });
});
