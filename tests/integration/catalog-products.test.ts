import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { bulkCreateProducts, MAX_BULK_PRODUCTS } from '@/lib/inventory/bulk-create-products';
import { createCategory } from '@/lib/inventory/create-category';
import { createLocation } from '@/lib/inventory/create-location';
import { createProduct } from '@/lib/inventory/create-product';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { deleteProduct } from '@/lib/inventory/delete-product';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { getProduct } from '@/lib/inventory/get-product';
import { linkProductSupplier, productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { postMovements } from '@/lib/inventory/post-movements';
import { presentProduct, presentProductDetail } from '@/lib/inventory/present-product';
import { createProductSchema } from '@/lib/inventory/product-schemas';
import { unlinkProductSupplier } from '@/lib/inventory/unlink-product-supplier';
import { updateProduct } from '@/lib/inventory/update-product';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { auditRows, expectAppError, makeUser, newProduct, productInput, productPatch, tag } from './catalog-fixtures';

const SKU_EXISTS = { sku: 'SKU already exists' };
const alertsOf = (productId: number) => db().inventoryAlert.findMany({ where: { productId }, orderBy: { id: 'asc' } });
const link = (fields: Record<string, unknown>) => productSupplierLinkSchema.parse(fields);

describe('creating a product', () => {
  it('stores money as cents and presents exactly the API shape', async () => {
    const actorId = await makeUser();
    const category = await createCategory({ input: { name: tag('Cat'), description: null }, actorId: null });
    const product = await createProduct({
      input: productInput({
        sku: 'HAM-001',
        name: 'Claw hammer',
        description: 'Steel',
        categoryId: category.id,
        unit: 'box',
        price: '0.29',
        cost: 0.1,
        reorderLevel: 0,
        safetyStock: 0,
        reorderQuantity: 12,
      }),
      actorId,
    });
    expect(product).toMatchObject({ sku: 'HAM-001', skuKey: 'ham-001', priceCents: 29, costCents: 10, onHand: 0 });
    expect(presentProduct(product)).toEqual({
      id: product.id,
      sku: 'HAM-001',
      barcode: null,
      name: 'Claw hammer',
      description: 'Steel',
      categoryId: category.id,
      unit: 'box',
      price: '0.29',
      cost: '0.10',
      reorderLevel: 0,
      safetyStock: 0,
      reorderQuantity: 12,
      onHand: 0,
      onOrder: 0,
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
      deletedAt: null,
    });
    const audit = await auditRows('Product', product.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actorId });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ sku: 'HAM-001', price: '0.29' });
  });

  it('refuses a duplicate SKU ignoring case, deleted products included (409 sku)', async () => {
    const product = await newProduct({ sku: tag('Dup') });
    await expectAppError(newProduct({ sku: product.sku.toLowerCase() }), 'CONFLICT', SKU_EXISTS);
    await expectAppError(newProduct({ sku: product.sku.toUpperCase() }), 'CONFLICT', SKU_EXISTS);
    await deleteProduct({ id: product.id, actorId: null });
    await expectAppError(newProduct({ sku: product.sku }), 'CONFLICT', SKU_EXISTS);
    expect(await db().product.count({ where: { skuKey: product.skuKey } })).toBe(1);
  });

  it('refuses an unknown or deleted category (400 categoryId) and writes nothing', async () => {
    const sku = tag('NoCat');
    await expectAppError(newProduct({ sku, categoryId: 987_654 }), 'VALIDATION_FAILED', { categoryId: 'Category not found' });
    const category = await createCategory({ input: { name: tag('Gone'), description: null }, actorId: null });
    await deleteCategory({ id: category.id, actorId: null });
    await expectAppError(newProduct({ sku, categoryId: category.id }), 'VALIDATION_FAILED', { categoryId: 'Category not found' });
    expect(await db().product.count({ where: { skuKey: sku.toLowerCase() } })).toBe(0);
  });

  it('the schema enforces the rules of API.md', () => {
    const issues = (input: Record<string, unknown>) =>
      createProductSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];
    expect(issues({ sku: 'bad sku', name: '', price: 0, cost: -1 })).toEqual(['cost', 'name', 'price', 'sku']);
    expect(issues({ sku: 'x'.repeat(65), name: 'n', price: 1 })).toEqual(['sku']);
    expect(issues({ sku: 'ok', name: 'n', price: '1.234' })).toEqual(['price']);
    expect(issues({ sku: 'ok', name: 'n', price: 1, reorderLevel: 1, safetyStock: 2 })).toEqual(['reorderLevel']);
    expect(issues({ sku: 'ok', name: 'n', price: 1, reorderLevel: 1.5 })).toEqual(['reorderLevel']);
    expect(issues({ sku: 'ok', name: 'n', price: 1, onHand: 5 })).toEqual(['']);
  });

  it('a reorder level above the zero on-hand opens the low-stock alert at once', async () => {
    const product = await newProduct({ reorderLevel: 4, safetyStock: 1 });
    expect(await alertsOf(product.id)).toMatchObject([{ status: 'ACTIVE', onHandAtTrigger: 0, reorderLevel: 4 }]);
    expect(await alertsOf((await newProduct()).id)).toEqual([]);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });
});

describe('updating a product', () => {
  it('changes only what was sent, re-keys the SKU and audits before and after', async () => {
    const actorId = await makeUser();
    const product = await newProduct({ name: 'Before', price: '5.00' });
    const updated = await updateProduct({ id: product.id, input: productPatch({ name: 'After', price: 7.5, sku: 'Renamed-SKU-1' }), actorId });
    expect(updated).toMatchObject({ name: 'After', priceCents: 750, sku: 'Renamed-SKU-1', skuKey: 'renamed-sku-1', costCents: product.costCents });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(product.updatedAt.getTime());
    const audit = (await auditRows('Product', product.id)).at(-1);
    expect(audit).toMatchObject({ action: 'UPDATE', actorId });
    expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({ name: 'Before', price: '5.00' });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ name: 'After', price: '7.50' });
  });

  it('refuses a SKU taken by another product, even a deleted one, ignoring case (409 sku)', async () => {
    const taken = await newProduct();
    const other = await newProduct();
    await expectAppError(updateProduct({ id: other.id, input: productPatch({ sku: taken.sku.toLowerCase() }), actorId: null }), 'CONFLICT', SKU_EXISTS);
    await deleteProduct({ id: taken.id, actorId: null });
    await expectAppError(updateProduct({ id: other.id, input: productPatch({ sku: taken.sku }), actorId: null }), 'CONFLICT', SKU_EXISTS);
    // Its own SKU in another case is not a conflict.
    expect((await updateProduct({ id: other.id, input: productPatch({ sku: other.sku.toLowerCase() }), actorId: null })).sku).toBe(other.sku.toLowerCase());
  });

  it('re-checks reorderLevel >= safetyStock against the stored values, rolling the update back (400 reorderLevel)', async () => {
    const product = await newProduct({ reorderLevel: 5, safetyStock: 3, name: 'Unchanged' });
    const reorderBelow = { reorderLevel: 'Reorder level must be at least the safety stock' };
    await expectAppError(updateProduct({ id: product.id, input: productPatch({ reorderLevel: 2, name: 'Changed' }), actorId: null }), 'VALIDATION_FAILED', reorderBelow);
    await expectAppError(updateProduct({ id: product.id, input: productPatch({ safetyStock: 6 }), actorId: null }), 'VALIDATION_FAILED', reorderBelow);
    const stored = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    expect(stored).toMatchObject({ name: 'Unchanged', reorderLevel: 5, safetyStock: 3 });
    expect(stored.updatedAt).toEqual(product.updatedAt);
    expect(await auditRows('Product', product.id)).toHaveLength(1);
    expect((await updateProduct({ id: product.id, input: productPatch({ reorderLevel: 3 }), actorId: null })).reorderLevel).toBe(3);
  });

  it('refuses an unknown or deleted category (400 categoryId); null clears it', async () => {
    const category = await createCategory({ input: { name: tag('Cat'), description: null }, actorId: null });
    const product = await newProduct({ categoryId: category.id });
    await expectAppError(updateProduct({ id: product.id, input: productPatch({ categoryId: 987_654 }), actorId: null }), 'VALIDATION_FAILED', {
      categoryId: 'Category not found',
    });
    expect((await updateProduct({ id: product.id, input: productPatch({ categoryId: null }), actorId: null })).categoryId).toBeNull();
  });

  it('changing the reorder level opens and resolves the alert in the same transaction', async () => {
    const actorId = await makeUser('CLERK');
    const product = await newProduct({ reorderLevel: 0 });
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 10, reason: null, reference: null }] });
    expect(await alertsOf(product.id)).toEqual([]);

    await updateProduct({ id: product.id, input: productPatch({ reorderLevel: 15 }), actorId: null });
    expect(await alertsOf(product.id)).toMatchObject([{ status: 'ACTIVE', onHandAtTrigger: 10, reorderLevel: 15 }]);
    // Raising it further keeps the one alert.
    await updateProduct({ id: product.id, input: productPatch({ reorderLevel: 20 }), actorId: null });
    expect(await alertsOf(product.id)).toHaveLength(1);
    expect((await verifyLedger()).discrepancies).toEqual([]);

    await updateProduct({ id: product.id, input: productPatch({ reorderLevel: 10 }), actorId: null });
    const [alert] = await alertsOf(product.id);
    expect(alert).toMatchObject({ status: 'RESOLVED' });
    expect(alert?.resolvedAt).toBeInstanceOf(Date);

    // And a shipment below the level opens a new one, as the ledger does.
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'SHIPMENT', quantity: 1, reason: null, reference: null }] });
    expect((await alertsOf(product.id)).map((row) => row.status)).toEqual(['RESOLVED', 'ACTIVE']);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('an empty update changes nothing, not even updatedAt', async () => {
    const product = await newProduct();
    expect(await updateProduct({ id: product.id, input: productPatch({}), actorId: null })).toEqual(product);
    expect(await auditRows('Product', product.id)).toHaveLength(1);
    await deleteProduct({ id: product.id, actorId: null });
    await expectAppError(updateProduct({ id: product.id, input: productPatch({}), actorId: null }), 'NOT_FOUND');
  });

  it('never writes onHand: the schema refuses it and the ledger total survives updates', async () => {
    expect(productPatch.bind(null, { onHand: 3 })).toThrow();
    const actorId = await makeUser('CLERK');
    const product = await newProduct();
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 7, reason: null, reference: null }] });
    expect((await updateProduct({ id: product.id, input: productPatch({ name: 'Renamed' }), actorId: null })).onHand).toBe(7);
  });
});

describe('deleted and unknown products', () => {
  it('a deleted product is NOT_FOUND for get, update and delete; its alert resolves; its ledger stays', async () => {
    const actorId = await makeUser('CLERK');
    const product = await newProduct({ reorderLevel: 50 });
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 3, reason: null, reference: null }] });
    await postMovements({ actorId, movements: [{ productId: product.id, type: 'SHIPMENT', quantity: 3, reason: null, reference: null }] });
    const deleted = await deleteProduct({ id: product.id, actorId: null });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    await expectAppError(getProduct({ id: product.id }), 'NOT_FOUND');
    await expectAppError(updateProduct({ id: product.id, input: productPatch({ name: 'x' }), actorId: null }), 'NOT_FOUND');
    await expectAppError(deleteProduct({ id: product.id, actorId: null }), 'NOT_FOUND');
    expect((await alertsOf(product.id)).map((row) => row.status)).toEqual(['RESOLVED']);
    expect(await db().stockMovement.count({ where: { productId: product.id } })).toBe(2);
    expect((await auditRows('Product', product.id)).at(-1)).toMatchObject({ action: 'DELETE' });
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('unknown ids are NOT_FOUND everywhere', async () => {
    await expectAppError(getProduct({ id: 987_654 }), 'NOT_FOUND');
    await expectAppError(updateProduct({ id: 987_654, input: productPatch({ name: 'x' }), actorId: null }), 'NOT_FOUND');
    await expectAppError(deleteProduct({ id: 987_654, actorId: null }), 'NOT_FOUND');
  });
});

describe('product detail', () => {
  it('shows stock per location and the live suppliers, preferred first', async () => {
    const actorId = await makeUser('CLERK');
    const product = await newProduct();
    const shelf = await createLocation({ input: { code: tag('SH'), name: 'Shelf', isDefault: false }, actorId: null });
    const main = await db().location.findFirstOrThrow({ where: { isDefault: true } });
    await postMovements({
      actorId,
      movements: [
        { productId: product.id, type: 'RECEIPT', quantity: 4, reason: null, reference: null },
        { productId: product.id, type: 'RECEIPT', quantity: 6, locationId: shelf.id, reason: null, reference: null },
      ],
    });
    const acme = await createSupplier({ input: { name: tag('Acme'), email: null, phone: null, notes: null }, actorId: null });
    const globex = await createSupplier({ input: { name: tag('Globex'), email: null, phone: null, notes: null }, actorId: null });
    const gone = await createSupplier({ input: { name: tag('Gone'), email: null, phone: null, notes: null }, actorId: null });
    await linkProductSupplier({ productId: product.id, supplierId: acme.id, input: link({ leadTimeDays: 3, unitCost: '1.25', supplierSku: 'AC-1' }), actorId: null });
    await linkProductSupplier({ productId: product.id, supplierId: globex.id, input: link({ leadTimeDays: 9, preferred: true }), actorId: null });
    await linkProductSupplier({ productId: product.id, supplierId: gone.id, input: link({ leadTimeDays: 1 }), actorId: null });
    await deleteSupplier({ id: gone.id, actorId: null });

    const detail = presentProductDetail(await getProduct({ id: product.id }));
    expect(detail.onHand).toBe(10);
    expect(detail.levels).toEqual([
      { locationId: main.id, locationCode: main.code, onHand: 4 },
      { locationId: shelf.id, locationCode: shelf.code, onHand: 6 },
    ]);
    expect(detail.suppliers).toEqual([
      { supplierId: globex.id, name: globex.name, leadTimeDays: 9, unitCost: null, supplierSku: null, preferred: true },
      { supplierId: acme.id, name: acme.name, leadTimeDays: 3, unitCost: '1.25', supplierSku: 'AC-1', preferred: false },
    ]);
  });
});

describe('supplier links', () => {
  it('PUT links or replaces; preferred un-prefers the other links; unlink removes; all audited', async () => {
    const product = await newProduct();
    const first = await createSupplier({ input: { name: tag('First'), email: null, phone: null, notes: null }, actorId: null });
    const second = await createSupplier({ input: { name: tag('Second'), email: null, phone: null, notes: null }, actorId: null });
    const a = await linkProductSupplier({ productId: product.id, supplierId: first.id, input: link({ leadTimeDays: 5, unitCost: 2, preferred: true }), actorId: null });
    expect(a).toMatchObject({ leadTimeDays: 5, unitCostCents: 200, preferred: true, supplier: { name: first.name } });
    await linkProductSupplier({ productId: product.id, supplierId: second.id, input: link({ leadTimeDays: 7, preferred: true }), actorId: null });
    const links = await db().productSupplier.findMany({ where: { productId: product.id }, orderBy: { supplierId: 'asc' } });
    expect(links.map((row) => [row.supplierId, row.preferred])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    // PUT replaces the whole link: omitted fields are cleared.
    const replaced = await linkProductSupplier({ productId: product.id, supplierId: first.id, input: link({ leadTimeDays: 0 }), actorId: null });
    expect(replaced).toMatchObject({ leadTimeDays: 0, unitCostCents: null, supplierSku: null, preferred: false });
    expect(await db().productSupplier.count({ where: { productId: product.id } })).toBe(2);

    await unlinkProductSupplier({ productId: product.id, supplierId: first.id, actorId: null });
    expect(await db().productSupplier.count({ where: { productId: product.id } })).toBe(1);
    await expectAppError(unlinkProductSupplier({ productId: product.id, supplierId: first.id, actorId: null }), 'NOT_FOUND');
    expect((await auditRows('ProductSupplier', product.id)).map((row) => row.action)).toEqual(['CREATE', 'CREATE', 'UPDATE', 'DELETE']);
  });

  it('validates the link: leadTimeDays 0..365 required, unitCost money >= 0', () => {
    const issues = (input: Record<string, unknown>) =>
      productSupplierLinkSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];
    expect(issues({})).toEqual(['leadTimeDays']);
    expect(issues({ leadTimeDays: 366, unitCost: '-1' })).toEqual(['leadTimeDays', 'unitCost']);
    expect(issues({ leadTimeDays: 1.5 })).toEqual(['leadTimeDays']);
    expect(issues({ leadTimeDays: 365, unitCost: '0', supplierSku: 'x', preferred: true })).toEqual([]);
  });

  it('unknown or deleted product or supplier is NOT_FOUND', async () => {
    const product = await newProduct();
    const supplier = await createSupplier({ input: { name: tag('S'), email: null, phone: null, notes: null }, actorId: null });
    const input = link({ leadTimeDays: 1 });
    // The product is the end a person chooses: its 404 names the field, so a form shows it beside the picker.
    await expectAppError(linkProductSupplier({ productId: 987_654, supplierId: supplier.id, input, actorId: null }), 'NOT_FOUND', { productId: 'This product does not exist or was deleted' });
    expect((await expectAppError(linkProductSupplier({ productId: product.id, supplierId: 987_654, input, actorId: null }), 'NOT_FOUND')).details.fieldErrors).toBeUndefined();
    await expectAppError(unlinkProductSupplier({ productId: 987_654, supplierId: supplier.id, actorId: null }), 'NOT_FOUND');
    await deleteSupplier({ id: supplier.id, actorId: null });
    await expectAppError(linkProductSupplier({ productId: product.id, supplierId: supplier.id, input, actorId: null }), 'NOT_FOUND');
    const other = await createSupplier({ input: { name: tag('S'), email: null, phone: null, notes: null }, actorId: null });
    await deleteProduct({ id: product.id, actorId: null });
    await expectAppError(linkProductSupplier({ productId: product.id, supplierId: other.id, input, actorId: null }), 'NOT_FOUND');
    expect(await db().productSupplier.count({ where: { productId: product.id } })).toBe(0);
  });
});

describe('bulk create', () => {
  it('creates every product in the order sent, with audit rows and alerts', async () => {
    const actorId = await makeUser();
    const products = Array.from({ length: 30 }, (_, index) => ({ sku: tag(`B${index}`), name: `Bulk ${index}`, price: '1.50', reorderLevel: index % 2 }));
    const created = await bulkCreateProducts({ products, actorId });
    expect(created.map((row) => row.sku)).toEqual(products.map((row) => row.sku));
    expect(created.every((row) => row.priceCents === 150)).toBe(true);
    expect(await db().auditLog.count({ where: { entity: 'Product', entityId: { in: created.map((row) => row.id) }, action: 'CREATE', actorId } })).toBe(30);
    expect(await db().inventoryAlert.count({ where: { productId: { in: created.map((row) => row.id) } } })).toBe(15);
    expect((await verifyLedger()).discrepancies).toEqual([]);
  });

  it('is all or none: every problem keyed by row, duplicates in the batch and in the database', async () => {
    const existing = await newProduct();
    const gone = await createCategory({ input: { name: tag('Gone'), description: null }, actorId: null });
    await deleteCategory({ id: gone.id, actorId: null });
    const fresh = tag('Fresh');
    const error = await expectAppError(
      bulkCreateProducts({
        products: [
          { sku: fresh, name: 'fine', price: '1' },
          { sku: existing.sku.toLowerCase(), name: 'taken', price: '1' },
          { sku: fresh.toUpperCase(), name: 'twice', price: '1' },
          { sku: 'bad sku', name: 'bad', price: '1' },
          { sku: tag('P'), name: 'free', price: '0' },
          { sku: tag('C'), name: 'no category', price: '1', categoryId: gone.id },
          'not even an object',
        ],
        actorId: null,
      }),
      'VALIDATION_FAILED',
    );
    expect(error.details.fieldErrors).toEqual({
      '1.sku': 'SKU already exists',
      '2.sku': 'Duplicate SKU in this batch',
      '3.sku': 'SKU may use letters, digits, dot, dash and underscore only',
      '4.price': 'Price must be greater than 0',
      '5.categoryId': 'Category not found',
      '6': expect.any(String),
    });
    expect(await db().product.count({ where: { skuKey: fresh.toLowerCase() } })).toBe(0);
  });

  it('duplicates alone are a CONFLICT, keyed by row', async () => {
    const existing = await newProduct();
    const sku = tag('Twice');
    await expectAppError(
      bulkCreateProducts({
        products: [
          { sku, name: 'a', price: '1' },
          { sku: sku.toLowerCase(), name: 'b', price: '1' },
          { sku: tag('ok'), name: 'c', price: '1' },
          { sku: existing.sku.toUpperCase(), name: 'd', price: '1' },
        ],
        actorId: null,
      }),
      'CONFLICT',
      { '1.sku': 'Duplicate SKU in this batch', '3.sku': 'SKU already exists' },
    );
    expect(await db().product.count({ where: { skuKey: sku.toLowerCase() } })).toBe(0);
  });

  it('refuses more than 1000 products (PAYLOAD_TOO_LARGE) and an empty batch', async () => {
    const tooMany = Array.from({ length: MAX_BULK_PRODUCTS + 1 }, (_, index) => ({ sku: `over-${index}`, name: 'x', price: '1' }));
    await expectAppError(bulkCreateProducts({ products: tooMany, actorId: null }), 'PAYLOAD_TOO_LARGE');
    await expectAppError(bulkCreateProducts({ products: [], actorId: null }), 'VALIDATION_FAILED');
  });

  it('takes 1000 products in one transaction', async () => {
    const prefix = tag('K');
    const created = await bulkCreateProducts({
      products: Array.from({ length: MAX_BULK_PRODUCTS }, (_, index) => ({ sku: `${prefix}-${index}`, name: `Thousand ${index}`, price: '2' })),
      actorId: null,
    });
    expect(created).toHaveLength(MAX_BULK_PRODUCTS);
    expect(new Set(created.map((row) => row.id)).size).toBe(MAX_BULK_PRODUCTS);
    expect(created[999]?.sku).toBe(`${prefix}-999`);
  });
});
