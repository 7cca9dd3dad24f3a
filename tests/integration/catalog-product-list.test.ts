import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { Product } from '@/lib/db/generated/sqlite/client';
import { decodeSortCursor, MAX_PAGE_SIZE } from '@/lib/pagination';
import { bulkCreateProducts } from '@/lib/inventory/bulk-create-products';
import { createCategory } from '@/lib/inventory/create-category';
import { createLocation } from '@/lib/inventory/create-location';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteProduct } from '@/lib/inventory/delete-product';
import { linkProductSupplier } from '@/lib/inventory/link-product-supplier';
import { listProducts, PRODUCT_SORTS, productListQuerySchema, type ProductFilter, type ProductSort } from '@/lib/inventory/list-products';
import { postMovements } from '@/lib/inventory/post-movements';
import { makeUser, newProduct } from './catalog-fixtures';

/**
 * GET /api/products through the domain, on whichever engine DATABASE_URL names. One fixture
 * of products with categories, suppliers, stock at two locations, low stock, a deleted one
 * and names with LIKE wildcards; every expectation is compared with a plain query.
 */

const COUNT = 60;
const NO_FILTER: ProductFilter = { lowStock: false, includeDeleted: false };
let categoryA: number;
let categoryB: number;
let supplierId: number;
let shelfId: number;
let products: Product[];
let deletedId: number;
let special: Product;

/** A permutation of 0..COUNT-1, so that name order differs from id and SKU order. */
const scrambled = (index: number) => (index * 37) % COUNT;

beforeAll(async () => {
  const actorId = await makeUser('ADMIN');
  categoryA = (await createCategory({ input: { name: 'List A', description: null }, actorId })).id;
  categoryB = (await createCategory({ input: { name: 'List B', description: null }, actorId })).id;
  supplierId = (await createSupplier({ input: { name: 'List supplier', email: null, phone: null, notes: null }, actorId })).id;
  shelfId = (await createLocation({ input: { code: 'SHELF', name: 'Shelf', isDefault: false }, actorId })).id;
  products = await bulkCreateProducts({
    actorId,
    products: Array.from({ length: COUNT }, (_, index) => ({
      sku: index % 2 === 0 ? `lp-${String(index).padStart(3, '0')}` : `LP-${String(index).padStart(3, '0')}`,
      name: `item${String(scrambled(index)).padStart(3, '0')}`,
      price: '1.00',
      categoryId: index % 3 === 0 ? categoryA : index % 3 === 1 ? categoryB : null,
      reorderLevel: index % 5,
    })),
  });
  const receipts = products.flatMap((product, index) => [
    ...(index % 4 === 0 && index % 7 !== 0 ? [{ productId: product.id, type: 'RECEIPT' as const, quantity: index % 7, reason: null, reference: null }] : []),
    ...(index % 6 === 0 ? [{ productId: product.id, type: 'RECEIPT' as const, quantity: 2, locationId: shelfId, reason: null, reference: null }] : []),
  ]);
  await postMovements({ actorId, movements: receipts, batch: true });
  // Product 0 had stock on the shelf and shipped it all: no longer "at" the shelf.
  await postMovements({ actorId, movements: [{ productId: products[0]!.id, type: 'SHIPMENT', quantity: 2, locationId: shelfId, reason: null, reference: null }] });
  for (const [index, product] of products.entries()) {
    if (index % 10 === 0) await linkProductSupplier({ productId: product.id, supplierId, input: { leadTimeDays: 1, unitCost: null, supplierSku: null, preferred: false }, actorId });
  }
  deletedId = products[COUNT - 1]!.id;
  await deleteProduct({ id: deletedId, actorId });
  special = await newProduct({ sku: 'Wild.Card_1', name: '100% Cotton_Wool\\Blend' });
});

async function ids(filter: Partial<ProductFilter>, sort: ProductSort = 'sku'): Promise<number[]> {
  const page = await listProducts({ filter: { ...NO_FILTER, ...filter }, sort, limit: MAX_PAGE_SIZE });
  expect(page.nextCursor).toBeNull();
  return page.data.map((product) => product.id);
}

/** Walks every page of a sort by cursor, checking no row comes twice. */
async function walk(filter: Partial<ProductFilter>, sort: ProductSort, limit: number): Promise<number[]> {
  const seen: number[] = [];
  let cursor: ReturnType<typeof decodeSortCursor>;
  let pages = 0;
  do {
    const page = await listProducts({ filter: { ...NO_FILTER, ...filter }, sort, limit, cursor });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    seen.push(...page.data.map((product) => product.id));
    cursor = page.nextCursor ? decodeSortCursor(page.nextCursor) : undefined;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  } while (cursor);
  expect(new Set(seen).size).toBe(seen.length);
  return seen;
}

const COLUMN: Record<string, 'skuKey' | 'name' | 'onHand' | 'updatedAt'> = { sku: 'skuKey', name: 'name', onHand: 'onHand', updatedAt: 'updatedAt' };

/** The same order asked of the database through Prisma: the truth to compare with. */
async function expectedOrder(sort: ProductSort, includeDeleted = false): Promise<number[]> {
  const descending = sort.startsWith('-');
  const column = COLUMN[descending ? sort.slice(1) : sort]!;
  const direction = descending ? 'desc' : 'asc';
  const rows = await db().product.findMany({
    where: includeDeleted ? {} : { deletedAt: null },
    orderBy: column === 'skuKey' ? [{ skuKey: direction }] : [{ [column]: direction }, { id: direction }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

describe('listing products', () => {
  it('hides deleted products unless includeDeleted', async () => {
    expect(await ids({})).not.toContain(deletedId);
    expect(await ids({ includeDeleted: true })).toContain(deletedId);
  });

  it('q matches SKU or name anywhere, ignoring case, on both engines', async () => {
    expect(await ids({ q: 'LP-004' })).toEqual([products[4]!.id]);
    expect(await ids({ q: 'lp-005' })).toEqual([products[5]!.id]);
    expect(await ids({ q: 'ITEM' + String(scrambled(7)).padStart(3, '0') })).toEqual([products[7]!.id]);
    expect(await ids({ q: 'cotton' })).toEqual([special.id]);
    expect(await ids({ q: 'WILD.card' })).toEqual([special.id]);
    expect((await ids({ q: 'lp-0' })).length).toBe(COUNT - 1);
  });

  it('q treats %, _ and \\ literally', async () => {
    expect(await ids({ q: '0% c' })).toEqual([special.id]);
    expect(await ids({ q: '0%c' })).toEqual([]);
    expect(await ids({ q: 'n_w' })).toEqual([special.id]);
    expect(await ids({ q: 'p_0' })).toEqual([]);
    expect(await ids({ q: 'l\\b' })).toEqual([special.id]);
    expect(await ids({ q: '%' })).toEqual([special.id]);
    expect(await ids({ q: '_' })).toEqual([special.id]);
  });

  it('filters by category, supplier, stock at a location and low stock, combined', async () => {
    const live = await db().product.findMany({ where: { deletedAt: null }, orderBy: { skuKey: 'asc' } });
    expect(await ids({ categoryId: categoryA })).toEqual(live.filter((row) => row.categoryId === categoryA).map((row) => row.id));
    const linked = await db().productSupplier.findMany({ where: { supplierId }, select: { productId: true } });
    const linkedIds = new Set(linked.map((row) => row.productId));
    expect(await ids({ supplierId })).toEqual(live.filter((row) => linkedIds.has(row.id)).map((row) => row.id));
    expect((await ids({ supplierId })).length).toBe(6); // products 0, 10, ..., 50

    const atShelf = await db().stockLevel.findMany({ where: { locationId: shelfId, onHand: { gt: 0 } }, select: { productId: true } });
    const atShelfIds = new Set(atShelf.map((row) => row.productId));
    expect(atShelfIds.has(products[0]!.id)).toBe(false);
    expect(await ids({ locationId: shelfId })).toEqual(live.filter((row) => atShelfIds.has(row.id)).map((row) => row.id));

    const low = live.filter((row) => row.onHand < row.reorderLevel);
    expect(low.length).toBeGreaterThan(0);
    expect(await ids({ lowStock: true })).toEqual(low.map((row) => row.id));
    expect(await ids({ lowStock: true, categoryId: categoryB })).toEqual(low.filter((row) => row.categoryId === categoryB).map((row) => row.id));
    expect(await ids({ categoryId: categoryA, supplierId, q: 'LP-03' })).toEqual([products[30]!.id]);
    expect(await ids({ categoryId: 987_654 })).toEqual([]);
  });

  it.each(PRODUCT_SORTS.map((sort) => [sort]))('sort %s orders like the database and a cursor walk returns every row exactly once', async (sort) => {
    const expected = await expectedOrder(sort);
    expect(await walk({}, sort, 7)).toEqual(expected);
    expect(await walk({}, sort, MAX_PAGE_SIZE)).toEqual(expected);
    expect(await walk({ includeDeleted: true }, sort, 11)).toEqual(await expectedOrder(sort, true));
  });

  it('sorts by onHand with ties broken by id', async () => {
    const page = await listProducts({ filter: NO_FILTER, sort: '-onHand', limit: MAX_PAGE_SIZE });
    const onHands = page.data.map((row) => row.onHand);
    expect(onHands).toEqual([...onHands].sort((a, b) => b - a));
    expect(onHands[0]).toBeGreaterThan(0);
  });

  it('offset pages agree with cursor pages', async () => {
    const all = await expectedOrder('name');
    for (const offset of [0, 13, 26, 52, 200]) {
      const page = await listProducts({ filter: NO_FILTER, sort: 'name', limit: 13, offset });
      expect(page.data.map((row) => row.id)).toEqual(all.slice(offset, offset + 13));
      expect(page.nextCursor === null).toBe(offset + 13 >= all.length);
      if (page.nextCursor) {
        const next = await listProducts({ filter: NO_FILTER, sort: 'name', limit: 13, cursor: decodeSortCursor(page.nextCursor) });
        expect(next.data.map((row) => row.id)).toEqual(all.slice(offset + 13, offset + 26));
      }
    }
  });

  it('sees a product again after it moves in the sort order (updatedAt)', async () => {
    const before = await expectedOrder('-updatedAt');
    await db().product.update({ where: { id: before.at(-1)! }, data: { name: 'touched' } });
    const after = await walk({}, '-updatedAt', 9);
    expect(after[0]).toBe(before.at(-1));
    expect(after).toEqual(await expectedOrder('-updatedAt'));
  });
});

describe('the list query', () => {
  const parse = (query: Record<string, string>) => productListQuerySchema.safeParse(query);
  const keys = (query: Record<string, string>) => parse(query).error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

  it('has defaults and coerces query-string values', () => {
    expect(parse({}).data).toMatchObject({ sort: 'sku', limit: 50, lowStock: false, includeDeleted: false });
    expect(parse({ q: '  ', categoryId: '3', lowStock: 'true', includeDeleted: 'true', sort: '-onHand', limit: '200', offset: '40' }).data).toMatchObject({
      q: undefined,
      categoryId: 3,
      lowStock: true,
      includeDeleted: true,
      sort: '-onHand',
      limit: 200,
      offset: 40,
    });
  });

  it('refuses what it does not understand, naming the parameter', async () => {
    expect(keys({ sort: 'price' })).toEqual(['sort']);
    expect(keys({ sort: '--sku' })).toEqual(['sort']);
    expect(keys({ limit: '201' })).toEqual(['limit']);
    expect(keys({ limit: '0' })).toEqual(['limit']);
    expect(keys({ offset: '-1' })).toEqual(['offset']);
    expect(keys({ categoryId: 'abc' })).toEqual(['categoryId']);
    expect(keys({ lowStock: 'yes' })).toEqual(['lowStock']);
    expect(keys({ cursor: 'not-a-cursor' })).toEqual(['cursor']);
    const page = await listProducts({ filter: NO_FILTER, sort: 'name', limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    const cursor = page.nextCursor!;
    expect(keys({ sort: 'name', cursor })).toEqual([]);
    expect(keys({ sort: 'sku', cursor })).toEqual(['cursor']);
    expect(keys({ sort: 'name', cursor, offset: '2' })).toEqual(['offset']);
  });
});
