import { z } from 'zod';
import { databaseEngine, db } from '@/lib/db/client';
import { plainTextSchema } from '@/lib/plain-text';
import { Prisma, type Product } from '@/lib/db/generated/sqlite/client';
import { encodeSortCursor, pageQuerySchema, type Page, type SortCursor } from '@/lib/pagination';
import { escapeLike, queryBooleanSchema, sortCursorParamSchema } from './catalog-support';
import { idParamSchema } from './schema-parts';

export const PRODUCT_SORT_KEYS = ['sku', 'name', 'onHand', 'updatedAt'] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];
export const PRODUCT_SORTS = ['sku', '-sku', 'name', '-name', 'onHand', '-onHand', 'updatedAt', '-updatedAt'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Deep pages by offset are allowed, within reason; cursors stay fast at any depth. */
export const MAX_PRODUCT_OFFSET = 1_000_000;

const CURSOR_KINDS: Record<ProductSort, 'string' | 'number' | 'date'> = {
  sku: 'string',
  '-sku': 'string',
  name: 'string',
  '-name': 'string',
  onHand: 'number',
  '-onHand': 'number',
  updatedAt: 'date',
  '-updatedAt': 'date',
};

export const productFilterSchema = z.object({
  q: plainTextSchema('line', 'q', 'q must be text')
    .trim()
    .max(200, 'q must be at most 200 characters')
    .optional()
    .transform((value) => (value ? value : undefined)),
  categoryId: idParamSchema.optional(),
  supplierId: idParamSchema.optional(),
  locationId: idParamSchema.optional(),
  lowStock: queryBooleanSchema('lowStock'),
  includeDeleted: queryBooleanSchema('includeDeleted'),
});

/** What to list; every filter is optional (the schema's output fits). */
export interface ProductFilter {
  q?: string;
  categoryId?: number;
  supplierId?: number;
  locationId?: number;
  lowStock?: boolean;
  includeDeleted?: boolean;
}

/**
 * `GET /api/products`: filters, `sort` (default sku, `-` for descending), `limit`, and either
 * an opaque keyset `cursor` or an `offset` for page numbers.
 */
export const productListQuerySchema = z
  .object({
    ...productFilterSchema.shape,
    sort: z.enum(PRODUCT_SORTS, { message: `sort must be one of ${PRODUCT_SORTS.join(', ')}` }).default('sku'),
    limit: pageQuerySchema.shape.limit,
    cursor: sortCursorParamSchema(CURSOR_KINDS),
    offset: z.coerce
      .number({ message: 'offset must be a number' })
      .int('offset must be a whole number')
      .min(0, 'offset must be 0 or more')
      .max(MAX_PRODUCT_OFFSET, `offset must be at most ${MAX_PRODUCT_OFFSET}`)
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.cursor && query.cursor.sort !== query.sort) {
      context.addIssue({ code: 'custom', path: ['cursor'], message: 'This cursor belongs to another sort: keep the sort of the page it came from' });
    }
    if (query.cursor && query.offset !== undefined) {
      context.addIssue({ code: 'custom', path: ['offset'], message: 'Use either cursor or offset, not both' });
    }
  });

export type ProductListQuery = z.output<typeof productListQuerySchema>;

const SORT_COLUMNS: Record<ProductSortKey, string> = {
  sku: 'sku_key',
  name: 'name',
  onHand: 'on_hand',
  updatedAt: 'updated_at',
};

/** The sort value of a row as the page query returned it, as the cursor carries it. */
function cursorValue(key: ProductSortKey, raw: unknown): string | number {
  if (key === 'updatedAt') return (raw instanceof Date ? raw : new Date(String(raw))).toISOString();
  if (key === 'onHand') return Number(raw);
  return String(raw);
}

function cursorParam(key: ProductSortKey, cursor: SortCursor): string | number | Date {
  return key === 'updatedAt' ? new Date(String(cursor.value)) : cursor.value;
}

/**
 * Products matching the filters, one page in the asked order. The ids of the page come from
 * one SQL statement that both engines run the same way (portable, case-insensitive `q` with
 * LIKE wildcards escaped; keyset conditions written so that the sort column's index can
 * serve them), then the rows are read by id. `q` matches the SKU or the name anywhere,
 * ignoring case (for ASCII letters on SQLite, all letters on PostgreSQL), or the barcode
 * exactly. `locationId` means products that have stock (on hand > 0) at that location.
 * `lowStock` means onHand below the reorder level.
 */
export async function listProducts({
  filter,
  sort = 'sku',
  limit,
  cursor,
  offset,
}: {
  filter: ProductFilter;
  sort?: ProductSort;
  limit: number;
  cursor?: SortCursor;
  offset?: number;
}): Promise<Page<Product>> {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as ProductSortKey;
  const column = Prisma.raw(`p."${SORT_COLUMNS[key]}"`);
  const direction = Prisma.raw(descending ? 'DESC' : 'ASC');

  const conditions: Prisma.Sql[] = [];
  if (!filter.includeDeleted) conditions.push(Prisma.sql`p."deleted_at" IS NULL`);
  if (filter.categoryId !== undefined) conditions.push(Prisma.sql`p."category_id" = ${filter.categoryId}`);
  if (filter.supplierId !== undefined) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "product_suppliers" ps WHERE ps."product_id" = p."id" AND ps."supplier_id" = ${filter.supplierId})`);
  }
  if (filter.locationId !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "stock_levels" sl WHERE sl."product_id" = p."id" AND sl."location_id" = ${filter.locationId} AND sl."on_hand" > 0)`,
    );
  }
  // isLowStock (lib/inventory/is-low-stock.ts), in SQL.
  if (filter.lowStock) conditions.push(Prisma.sql`p."on_hand" < p."reorder_level"`);
  if (filter.q !== undefined) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    // SQLite's LIKE already ignores ASCII case, exactly as far as its lower() folds, so the
    // name needs no lower() there: a third of the cost of a search that scans every product.
    const name = Prisma.raw(databaseEngine() === 'sqlite' ? 'p."name"' : 'lower(p."name")');
    // A barcode matches whole, as a scanner types it into the search box.
    conditions.push(Prisma.sql`(p."sku_key" LIKE ${pattern} ESCAPE '\\' OR ${name} LIKE ${pattern} ESCAPE '\\' OR p."barcode" = ${filter.q})`);
  }
  if (cursor) {
    const value = cursorParam(key, cursor);
    const beyond = Prisma.raw(descending ? '<' : '>');
    const atOrBeyond = Prisma.raw(descending ? '<=' : '>=');
    // skuKey is unique, so it orders alone; other columns break ties by id. The leading
    // `column >= value` is what lets the database seek into the column's index.
    conditions.push(
      key === 'sku'
        ? Prisma.sql`${column} ${beyond} ${value}`
        : Prisma.sql`${column} ${atOrBeyond} ${value} AND (${column} ${beyond} ${value} OR p."id" ${beyond} ${cursor.id})`,
    );
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const orderBy = key === 'sku' ? Prisma.sql`ORDER BY ${column} ${direction}` : Prisma.sql`ORDER BY ${column} ${direction}, p."id" ${direction}`;

  // The sort value comes back with the id, so the next cursor is exactly where this page ended.
  const pageRows = await db().$queryRaw<Array<{ id: number | bigint; sort_value: unknown }>>`
    SELECT p."id", ${column} AS "sort_value" FROM "products" p ${where} ${orderBy} LIMIT ${limit + 1} OFFSET ${offset ?? 0}`;
  const hasMore = pageRows.length > limit;
  const pageIds = pageRows.slice(0, limit).map((row) => Number(row.id));
  const last = pageRows[limit - 1];
  const products = pageIds.length > 0 ? await db().product.findMany({ where: { id: { in: pageIds } } }) : [];
  const byId = new Map(products.map((product) => [product.id, product]));
  return {
    // Products are never hard-deleted, so every id of the page is found.
    data: pageIds.flatMap((id) => byId.get(id) ?? []),
    nextCursor: hasMore && last ? encodeSortCursor({ sort, value: cursorValue(key, last.sort_value), id: Number(last.id) }) : null,
  };
}
