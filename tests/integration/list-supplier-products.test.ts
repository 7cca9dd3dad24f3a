import { describe, expect, it } from 'vitest';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteProduct } from '@/lib/inventory/delete-product';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { linkProductSupplier, productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { listSupplierProducts } from '@/lib/inventory/list-supplier-products';
import { createSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { unlinkProductSupplier } from '@/lib/inventory/unlink-product-supplier';
import { expectAppError, newProduct, tag } from './catalog-fixtures';

const newSupplier = () => createSupplier({ input: createSupplierSchema.parse({ name: tag('Supplier') }), actorId: null });
const link = (productId: number, supplierId: number, fields: Record<string, unknown> = {}) =>
  linkProductSupplier({ productId, supplierId, input: productSupplierLinkSchema.parse({ leadTimeDays: 7, ...fields }), actorId: null });

describe('listSupplierProducts', () => {
  it("lists a supplier's live products by SKU ignoring case, with the link's terms and the product's stock", async () => {
    const prefix = tag('LSP');
    const supplier = await newSupplier();
    const other = await newSupplier();
    const b = await newProduct({ sku: `${prefix}-b`, name: 'Bolt' });
    const a = await newProduct({ sku: `${prefix}-A`, name: 'Anchor' });
    const c = await newProduct({ sku: `${prefix}-C`, name: 'Clamp' });
    const elsewhere = await newProduct({ sku: `${prefix}-D` });
    await link(b.id, supplier.id, { leadTimeDays: 3, unitCost: '1.25', supplierSku: 'ACME-B', preferred: true });
    await link(a.id, supplier.id);
    await link(c.id, supplier.id, { leadTimeDays: 0 });
    await link(elsewhere.id, other.id);

    const page = await listSupplierProducts({ supplierId: supplier.id, limit: 50 });
    expect(page.hasMore).toBe(false);
    expect(page.data.map((row) => row.product.sku)).toEqual([`${prefix}-A`, `${prefix}-b`, `${prefix}-C`]);
    expect(page.data[1]).toMatchObject({
      productId: b.id,
      supplierId: supplier.id,
      leadTimeDays: 3,
      unitCostCents: 125,
      supplierSku: 'ACME-B',
      preferred: true,
      product: { id: b.id, name: 'Bolt', unit: 'each', onHand: 0 },
    });
    expect(page.data[2]?.leadTimeDays).toBe(0);
  });

  it('leaves out deleted products and unlinked ones, and stops at the limit', async () => {
    const prefix = tag('LSQ');
    const supplier = await newSupplier();
    const products = await Promise.all([1, 2, 3, 4].map((n) => newProduct({ sku: `${prefix}-${n}` })));
    for (const product of products) await link(product.id, supplier.id);
    await deleteProduct({ id: products[0]!.id, actorId: null });
    await unlinkProductSupplier({ productId: products[1]!.id, supplierId: supplier.id, actorId: null });

    const all = await listSupplierProducts({ supplierId: supplier.id, limit: 5 });
    expect(all.data.map((row) => row.product.sku)).toEqual([`${prefix}-3`, `${prefix}-4`]);
    expect(all.hasMore).toBe(false);

    const first = await listSupplierProducts({ supplierId: supplier.id, limit: 1 });
    expect(first.data.map((row) => row.product.sku)).toEqual([`${prefix}-3`]);
    expect(first.hasMore).toBe(true);
  });

  it('answers an empty list for a supplier with no products, and 404 for an unknown or deleted one', async () => {
    const supplier = await newSupplier();
    expect(await listSupplierProducts({ supplierId: supplier.id, limit: 10 })).toEqual({ data: [], hasMore: false });
    await deleteSupplier({ id: supplier.id, actorId: null });
    await expectAppError(listSupplierProducts({ supplierId: supplier.id, limit: 10 }), 'NOT_FOUND');
    await expectAppError(listSupplierProducts({ supplierId: 2_000_000_000, limit: 10 }), 'NOT_FOUND');
  });
});
