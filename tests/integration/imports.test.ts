import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { importProducts } from '@/lib/inventory/imports/import-products';
import { importStock } from '@/lib/inventory/imports/import-stock';
import { MAX_IMPORT_BYTES } from '@/lib/inventory/imports/read-csv-table';
import { hashIdempotentRequest } from '@/lib/inventory/idempotency';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { createLocation } from '@/lib/inventory/create-location';
import { expectAppError, makeUser, tag } from './catalog-fixtures';

const bySku = (sku: string) => db().product.findUniqueOrThrow({ where: { skuKey: sku.toLowerCase() } });

describe('product import', () => {
  it('writes nothing when one row is bad and names its line and column; a dry run writes nothing either', async () => {
    const actorId = await makeUser();
    const [a, b, c] = [tag('IMP'), tag('IMP'), tag('IMP')];
    const category = tag('Cat');
    const csv = `sku,name,price,category,reorderLevel\n${a},Alpha,1.50,${category},2\n${b},Beta,abc,,\n${c},,3.00,,x\n`;
    const before = await db().product.count();
    await expectAppError(importProducts({ csv, dryRun: false, actorId }), 'VALIDATION_FAILED', {
      '3.price': 'Price must be a decimal amount with at most two decimals',
      '4.name': 'A new product needs a name',
      '4.reorderLevel': 'Reorder level must be a whole number',
    });
    expect(await db().product.count()).toBe(before);
    expect(await db().category.count({ where: { name: category } })).toBe(0);

    const good = `sku,name,price,category\n${a},Alpha,1.50,${category}\n${b},Beta,2,${category.toUpperCase()}\n`;
    const dry = await importProducts({ csv: good, dryRun: true, actorId });
    expect(dry).toMatchObject({ dryRun: true, created: 2, updated: 0, unchanged: 0 });
    expect(dry.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
    ]);
    expect(await db().product.count()).toBe(before);
    expect(await db().category.count({ where: { name: category } })).toBe(0);

    const done = await importProducts({ csv: good, dryRun: false, actorId });
    expect(done).toMatchObject({ dryRun: false, created: 2 });
    // One category, found by its folded name for the second row.
    const categories = await db().category.findMany({ where: { nameKey: category.toLowerCase() } });
    expect(categories).toHaveLength(1);
    expect((await bySku(b)).categoryId).toBe(categories[0]!.id);
    expect(await db().auditLog.count({ where: { entity: 'Product', action: 'CREATE', actorId, entityId: (await bySku(a)).id } })).toBe(1);
  });

  it('upserts by SKU: an existing product takes only the non-empty cells, and a semicolon file with decimal commas reads as its author meant', async () => {
    const actorId = await makeUser();
    const sku = tag('UPS');
    await importProducts({ csv: `sku,name,price,cost,description,reorderLevel\n${sku},Widget,10.00,4.00,Keep me,5\n`, dryRun: false, actorId });
    const original = await bySku(sku);

    const csv = `\uFEFFSKU;Name;Price;Cost;Description;Reorder level\r\n${sku.toLowerCase()};;12,50;;;\r\n`;
    const dry = await importProducts({ csv, dryRun: true, actorId });
    expect(dry.rows).toEqual([{ line: 2, sku, status: 'updated', changes: ['price'] }]);
    const result = await importProducts({ csv, dryRun: false, actorId });
    expect(result).toMatchObject({ updated: 1, created: 0, unchanged: 0 });
    const after = await bySku(sku);
    expect(after).toMatchObject({ sku, name: 'Widget', priceCents: 1250, costCents: 400, description: 'Keep me', reorderLevel: 5 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: 'Product', action: 'UPDATE', entityId: original.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ price: '10.00' });
    expect(JSON.parse(audit.after!)).toMatchObject({ price: '12.50' });

    // The same file again changes nothing.
    expect(await importProducts({ csv, dryRun: false, actorId })).toMatchObject({ unchanged: 1, updated: 0, rows: [{ status: 'unchanged', changes: [] }] });
    // The reorder rule is checked against the stored safety stock merged with the file.
    await expectAppError(importProducts({ csv: `sku,safetyStock\n${sku},9\n`, dryRun: false, actorId }), 'VALIDATION_FAILED', {
      '2.reorderLevel': 'Reorder level must be at least the safety stock (9)',
    });
  });

  it('stores formula-looking cells as text and the CSV export neutralises them', async () => {
    const actorId = await makeUser();
    const sku = tag('FX');
    await importProducts({ csv: `sku,name,price,description\n${sku},"=HYPERLINK(""http://x"",""y"")",1,+1-2\n`, dryRun: false, actorId });
    const product = await bySku(sku);
    expect(product.name).toBe('=HYPERLINK("http://x","y")');
    expect(product.description).toBe('+1-2');
    const { csvRecords, neutralizeFormula } = await import('@/lib/csv');
    expect(csvRecords([[neutralizeFormula(product.name)]])).toBe('"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it('refuses a file over the size limit with a 413 and a duplicate SKU or taken barcode by line', async () => {
    const actorId = await makeUser();
    await expectAppError(importProducts({ csv: `sku\n${'x'.repeat(MAX_IMPORT_BYTES)}\n`, dryRun: true, actorId }), 'PAYLOAD_TOO_LARGE');
    const sku = tag('DUP');
    await expectAppError(importProducts({ csv: `sku,name,price,barcode\n${sku},A,1,4006381333931\n${sku.toUpperCase()},B,1,\nNEW-${sku},C,1,4006381333931\n`, dryRun: true, actorId }), 'VALIDATION_FAILED', {
      '3.sku': 'This SKU is already on line 2',
      '4.barcode': 'This barcode is already on line 2',
    });
  });
});

describe('opening stock import', () => {
  it('posts one COUNT per row so that on-hand equals the counts, all or none, and an Idempotency-Key replays', async () => {
    const actorId = await makeUser();
    const [a, b] = [tag('STK'), tag('STK')];
    await importProducts({ csv: `sku,name,price,reorderLevel\n${a},A,1,5\n${b},B,1,0\n`, dryRun: false, actorId });
    const shelf = await createLocation({ input: { code: tag('SHELF'), name: 'Shelf', isDefault: false }, actorId });
    const csv = `sku;location;quantity;unitCost\n${a};${shelf.code.toLowerCase()};7;2,50\n${b};${shelf.code};0;\n`;

    const dry = await importStock({ csv, dryRun: true, actorId });
    expect(dry.result).toMatchObject({ dryRun: true, movements: 2, rows: [{ line: 2, quantity: 7, onHandBefore: 0, change: 7 }, { line: 3, change: 0 }] });
    expect(await db().stockMovement.count({ where: { productId: (await bySku(a)).id } })).toBe(0);

    const bad = `sku,location,quantity\n${a},${shelf.code},3\n${b},NOWHERE,-1\n`;
    await expectAppError(importStock({ csv: bad, dryRun: false, actorId }), 'VALIDATION_FAILED', {
      '3.location': 'No location with this code',
      '3.quantity': 'Quantity must be a whole number, 0 or more',
    });

    const idempotency = { userId: actorId, key: tag('key'), requestHash: hashIdempotentRequest({ method: 'POST', path: '/api/imports/stock', body: csv }) };
    const first = await importStock({ csv, dryRun: false, actorId, idempotency });
    expect(first).toMatchObject({ replayed: false, result: { dryRun: false, movements: 2 } });
    const again = await importStock({ csv, dryRun: false, actorId, idempotency });
    expect(again).toEqual({ replayed: true, result: first.result });

    const productA = await bySku(a);
    expect(productA.onHand).toBe(7);
    expect(productA.averageCostMicroCents).toBe(250_000_000n);
    const movements = await db().stockMovement.findMany({ where: { productId: { in: [productA.id, (await bySku(b)).id] } } });
    expect(movements.map((movement) => [movement.type, movement.reason])).toEqual([
      ['COUNT', 'Import'],
      ['COUNT', 'Import'],
    ]);
    // 7 is above the reorder level 5: no alert for A.
    expect(await db().inventoryAlert.count({ where: { productId: productA.id, status: 'ACTIVE' } })).toBe(0);

    // Without a key the same file counts again: nothing moves, since the counts are the on-hand.
    const recount = await importStock({ csv, dryRun: false, actorId });
    expect(recount.result.rows.map((row) => row.change)).toEqual([0, 0]);
    expect((await bySku(a)).onHand).toBe(7);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });
});
