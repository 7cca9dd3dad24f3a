import { z } from 'zod';
import { databaseEngine, db, type Transaction } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { Prisma, type Product } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, type FieldErrors } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { BARCODE_TAKEN } from '../catalog-support';
import { CATEGORY_LIMITS } from '../field-limits';
import { productCreateData } from '../product-data';
import { createProductSchema, REORDER_BELOW_SAFETY, skuSchema, updateProductSchema } from '../product-schemas';
import { presentProduct } from '../present-product';
import { isLowStock } from '../is-low-stock';
import { reconcileAlerts } from '../reconcile-alert';
import { requiredTextSchema } from '../schema-parts';
import { readCsvTable, type CsvRow } from './read-csv-table';
import { chunked, importFailed, rowErrorKey } from './import-support';

export const PRODUCT_IMPORT_COLUMNS = ['sku', 'name', 'category', 'price', 'cost', 'unit', 'reorderLevel', 'safetyStock', 'reorderQuantity', 'barcode', 'description'] as const;
type Column = (typeof PRODUCT_IMPORT_COLUMNS)[number];

const INTEGER_COLUMNS = new Set<Column>(['reorderLevel', 'safetyStock', 'reorderQuantity']);

export type ProductImportStatus = 'created' | 'updated' | 'unchanged';

export const productImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.array(
      z.object({
        line: z.number().int().min(2).describe('The line of the file (the header is line 1)'),
        sku: z.string(),
        status: z.enum(['created', 'updated', 'unchanged']),
        changes: z.array(z.string()).describe('The columns whose values change: every given column for a new product'),
      }),
    ),
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
  })
  .meta({ id: 'ProductImportResult' });

export type ProductImportResult = z.output<typeof productImportResultSchema>;

export interface ImportProductsOptions {
  csv: string;
  dryRun: boolean;
  actorId: number | null;
}

/**
 * Brings a spreadsheet of products in (API.md, "Import and barcodes"): upsert by SKU (case
 * ignored), categories found by name (lib/name-key.ts folding) and created when missing. A new
 * SKU needs a name and a price; an existing product takes the non-empty cells only, so a
 * column left blank never erases anything. All or none: every problem of every row is
 * answered at once, keyed "<line>.<column>", and nothing is written. A dry run answers what
 * each row would do and writes nothing.
 *
 * The file is parsed before any transaction; the plan is made again inside it, under the
 * products' locks, from what the database holds then, so that a product changed meanwhile
 * is judged as it is now. Writes are a few statements per 500 rows (10,000 rows well within
 * 5 s on SQLite: `npm run bench:import`).
 */
export async function importProducts({ csv, dryRun, actorId }: ImportProductsOptions): Promise<ProductImportResult> {
  const table = readCsvTable(csv, { columns: PRODUCT_IMPORT_COLUMNS, required: ['sku'], decimals: ['price', 'cost'] });
  if (dryRun) return summarise(planImport(table.rows, await loadSubjects(db(), table.rows)), true);
  try {
    return await writeTransaction(async (tx) => {
      await lockProducts(tx, skuKeysOf(table.rows));
      const plan = planImport(table.rows, await loadSubjects(tx, table.rows));
      await writePlan(tx, plan, actorId);
      return summarise(plan, false);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'Another change took one of these SKUs, barcodes or category names meanwhile; nothing was imported. Try again.');
    }
    throw error;
  }
}

interface Subjects {
  products: Map<string, Product>;
  categories: Map<string, { id: number; name: string }>;
  /** Live products holding the file's barcodes, by barcode. */
  barcodeHolders: Map<string, number>;
}

interface PlannedRow {
  line: number;
  sku: string;
  status: ProductImportStatus;
  changes: string[];
  /** Product columns to write (created: all of them). */
  data: Prisma.ProductUncheckedCreateInput | Partial<Record<UpdatableColumn, string | number | null>>;
  /** A category to create, by its folded name. */
  newCategoryKey?: string;
  existing?: Product;
}

interface ImportPlan {
  rows: PlannedRow[];
  newCategories: Map<string, string>;
}

function skuKeysOf(rows: CsvRow[]): string[] {
  return [...new Set(rows.map((row) => row.cells.sku?.trim().toLowerCase() ?? '').filter((key) => key !== ''))];
}

/**
 * On PostgreSQL the existing products' rows, locked in id order (as the ledger locks them); on
 * SQLite a no-op UPDATE, a write, which takes the database's one write lock first (see
 * writeTransaction).
 */
async function lockProducts(tx: Transaction, skuKeys: string[]): Promise<void> {
  for (const keys of chunked(skuKeys.length > 0 ? skuKeys : [''], 1000)) {
    if (databaseEngine() === 'postgresql') {
      await tx.$queryRaw`SELECT "id" FROM "products" WHERE "sku_key" IN (${Prisma.join(keys)}) ORDER BY "id" FOR UPDATE`;
    } else {
      await tx.$executeRaw`UPDATE "products" SET "on_hand" = "on_hand" WHERE "sku_key" IN (${Prisma.join(keys)})`;
    }
  }
}

async function loadSubjects(client: Pick<Transaction, 'product' | 'category'>, rows: CsvRow[]): Promise<Subjects> {
  const products = new Map<string, Product>();
  for (const keys of chunked(skuKeysOf(rows), 1000)) {
    for (const product of await client.product.findMany({ where: { skuKey: { in: keys } } })) products.set(product.skuKey, product);
  }
  const categoryKeys = [...new Set(rows.map((row) => nameKey(row.cells.category?.trim() ?? '')).filter((key) => key !== ''))];
  const categories = new Map<string, { id: number; name: string }>();
  for (const keys of chunked(categoryKeys, 1000)) {
    const found = await client.category.findMany({ where: { nameKey: { in: keys }, deletedAt: null }, select: { id: true, name: true, nameKey: true } });
    for (const category of found) categories.set(category.nameKey, category);
  }
  const barcodes = [...new Set(rows.map((row) => row.cells.barcode?.trim() ?? '').filter((code) => code !== ''))];
  const barcodeHolders = new Map<string, number>();
  for (const codes of chunked(barcodes, 1000)) {
    const holders = await client.product.findMany({ where: { barcode: { in: codes }, deletedAt: null }, select: { id: true, barcode: true } });
    for (const holder of holders) if (holder.barcode) barcodeHolders.set(holder.barcode, holder.id);
  }
  return { products, categories, barcodeHolders };
}

const categoryNameSchema = requiredTextSchema('Category', CATEGORY_LIMITS.name);

/** The schema's field for each product column the import fills. */
type UpdatableColumn = 'name' | 'description' | 'unit' | 'priceCents' | 'costCents' | 'reorderLevel' | 'safetyStock' | 'reorderQuantity' | 'barcode' | 'categoryId';

const COLUMN_OF_FIELD: Record<string, Column> = { categoryId: 'category' };

function planImport(rows: CsvRow[], subjects: Subjects): ImportPlan {
  const errors: FieldErrors = {};
  const fail = (line: number, column: string, message: string) => {
    errors[rowErrorKey(line, column)] ??= message;
  };
  const firstLineOfSku = new Map<string, number>();
  const firstLineOfBarcode = new Map<string, number>();
  const newCategories = new Map<string, string>();
  const planned: PlannedRow[] = [];

  for (const { line, cells } of rows) {
    const skuResult = skuSchema.safeParse(cells.sku ?? '');
    if (!skuResult.success) {
      fail(line, 'sku', skuResult.error.issues[0]!.message);
      continue;
    }
    const sku = skuResult.data;
    const skuKey = sku.toLowerCase();
    const earlier = firstLineOfSku.get(skuKey);
    if (earlier !== undefined) {
      fail(line, 'sku', `This SKU is already on line ${earlier}`);
      continue;
    }
    firstLineOfSku.set(skuKey, line);
    const existing = subjects.products.get(skuKey);
    if (existing?.deletedAt) {
      fail(line, 'sku', 'A deleted product has this SKU; SKUs are never reused');
      continue;
    }

    // Non-empty cells only: whole numbers as numbers (anything else is left for the schema to refuse).
    const given: Record<string, string | number> = {};
    for (const column of PRODUCT_IMPORT_COLUMNS) {
      const cell = cells[column];
      if (column === 'sku' || column === 'category' || cell === undefined || cell.trim() === '') continue;
      given[column] = INTEGER_COLUMNS.has(column) && /^\s*\d{1,10}\s*$/.test(cell) ? Number(cell) : cell;
    }

    let categoryId: number | null | undefined;
    let newCategoryKey: string | undefined;
    const categoryCell = cells.category?.trim() ?? '';
    if (categoryCell !== '') {
      const name = categoryNameSchema.safeParse(categoryCell);
      if (!name.success) fail(line, 'category', name.error.issues[0]!.message);
      else {
        const key = nameKey(name.data);
        const category = subjects.categories.get(key);
        if (category) categoryId = category.id;
        else {
          newCategoryKey = key;
          if (!newCategories.has(key)) newCategories.set(key, name.data);
        }
      }
    }

    const issues = (error: z.ZodError) => {
      for (const issue of error.issues) {
        const field = String(issue.path[0] ?? 'sku');
        fail(line, COLUMN_OF_FIELD[field] ?? field, issue.message);
      }
    };

    let row: PlannedRow;
    if (!existing) {
      if (given.name === undefined) fail(line, 'name', 'A new product needs a name');
      if (given.price === undefined) fail(line, 'price', 'A new product needs a price');
      const parsed = createProductSchema.safeParse({ ...given, sku, categoryId: null });
      if (!parsed.success) {
        issues(parsed.error);
        continue;
      }
      const changes = [...Object.keys(given), ...(categoryCell !== '' ? ['category'] : [])];
      row = { line, sku, status: 'created', changes: ['sku', ...changes], data: { ...productCreateData(parsed.data), categoryId: categoryId ?? null }, newCategoryKey };
    } else {
      const parsed = updateProductSchema.safeParse(given);
      if (!parsed.success) {
        issues(parsed.error);
        continue;
      }
      const input = parsed.data;
      const next: Partial<Record<UpdatableColumn, string | number | null>> = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.price !== undefined ? { priceCents: input.price } : {}),
        ...(input.cost !== undefined ? { costCents: input.cost } : {}),
        ...(input.reorderLevel !== undefined ? { reorderLevel: input.reorderLevel } : {}),
        ...(input.safetyStock !== undefined ? { safetyStock: input.safetyStock } : {}),
        ...(input.reorderQuantity !== undefined ? { reorderQuantity: input.reorderQuantity } : {}),
        ...(input.barcode ? { barcode: input.barcode } : {}),
        ...(categoryId !== undefined ? { categoryId } : {}),
      };
      const data: typeof next = {};
      const changes: string[] = [];
      for (const [field, value] of Object.entries(next) as Array<[UpdatableColumn, string | number | null]>) {
        if (existing[field] === value) continue;
        data[field] = value;
        changes.push(FIELD_COLUMN[field]);
      }
      if (newCategoryKey) changes.push('category');
      const reorderLevel = (data.reorderLevel as number | undefined) ?? existing.reorderLevel;
      const safetyStock = (data.safetyStock as number | undefined) ?? existing.safetyStock;
      if (reorderLevel < safetyStock) fail(line, 'reorderLevel', `${REORDER_BELOW_SAFETY} (${safetyStock})`);
      row = { line, sku: existing.sku, status: changes.length > 0 ? 'updated' : 'unchanged', changes, data, newCategoryKey, existing };
    }

    const barcode = row.status === 'created' ? (row.data as Prisma.ProductUncheckedCreateInput).barcode : (row.data as Record<string, unknown>).barcode;
    if (typeof barcode === 'string') {
      const holder = subjects.barcodeHolders.get(barcode);
      const earlierLine = firstLineOfBarcode.get(barcode);
      if (earlierLine !== undefined) fail(line, 'barcode', `This barcode is already on line ${earlierLine}`);
      else if (holder !== undefined && holder !== row.existing?.id) fail(line, 'barcode', BARCODE_TAKEN);
      firstLineOfBarcode.set(barcode, line);
    }
    planned.push(row);
  }
  if (Object.keys(errors).length > 0) throw importFailed(errors, 'products');
  return { rows: planned, newCategories };
}

const FIELD_COLUMN: Record<UpdatableColumn, Column> = {
  name: 'name',
  description: 'description',
  unit: 'unit',
  priceCents: 'price',
  costCents: 'cost',
  reorderLevel: 'reorderLevel',
  safetyStock: 'safetyStock',
  reorderQuantity: 'reorderQuantity',
  barcode: 'barcode',
  categoryId: 'category',
};

const SQL_COLUMN: Record<UpdatableColumn, { name: string; type: 'TEXT' | 'INTEGER' }> = {
  name: { name: 'name', type: 'TEXT' },
  description: { name: 'description', type: 'TEXT' },
  unit: { name: 'unit', type: 'TEXT' },
  priceCents: { name: 'price_cents', type: 'INTEGER' },
  costCents: { name: 'cost_cents', type: 'INTEGER' },
  reorderLevel: { name: 'reorder_level', type: 'INTEGER' },
  safetyStock: { name: 'safety_stock', type: 'INTEGER' },
  reorderQuantity: { name: 'reorder_quantity', type: 'INTEGER' },
  barcode: { name: 'barcode', type: 'TEXT' },
  categoryId: { name: 'category_id', type: 'INTEGER' },
};

const ROWS_PER_STATEMENT = 500;

async function writePlan(tx: Transaction, plan: ImportPlan, actorId: number | null): Promise<void> {
  const now = new Date();
  const audit: AuditRow[] = [];

  const categoryIds = new Map<string, number>();
  if (plan.newCategories.size > 0) {
    const created = await tx.category.createManyAndReturn({
      data: [...plan.newCategories].map(([key, name]) => ({ name, nameKey: key, createdAt: now, updatedAt: now })),
    });
    for (const category of created) {
      categoryIds.set(category.nameKey, category.id);
      const { nameKey: _key, ...shown } = category;
      audit.push({ action: 'CREATE', entity: 'Category', entityId: category.id, before: null, after: JSON.stringify(shown) });
    }
  }
  const withCategory = (row: PlannedRow) => (row.newCategoryKey ? { ...row.data, categoryId: categoryIds.get(row.newCategoryKey)! } : row.data);

  const alertChecks: Array<{ productId: number; onHand: number; reorderLevel: number }> = [];
  for (const rows of chunked(plan.rows.filter((row) => row.status === 'created'), ROWS_PER_STATEMENT)) {
    const created = await insertProducts(tx, rows.map((row) => withCategory(row) as NewProduct), now);
    await openAlertsOfNewProducts(tx, created, now);
    for (const product of created) {
      audit.push({ action: 'CREATE', entity: 'Product', entityId: product.id, before: null, after: JSON.stringify(presentProduct(product)) });
    }
  }

  for (const rows of chunked(plan.rows.filter((row) => row.status === 'updated'), ROWS_PER_STATEMENT)) {
    const changes = rows.map((row) => ({ before: row.existing!, data: withCategory(row) as Partial<Record<UpdatableColumn, string | number | null>> }));
    await updateProducts(tx, changes.map(({ before, data }) => ({ id: before.id, data })), now);
    // The rows are locked: what was read plus what was written is what they hold now.
    for (const { before, data } of changes) {
      const after: Product = { ...before, ...data, updatedAt: now } as Product;
      if (after.reorderLevel !== before.reorderLevel) alertChecks.push({ productId: after.id, onHand: after.onHand, reorderLevel: after.reorderLevel });
      audit.push({ action: 'UPDATE', entity: 'Product', entityId: after.id, before: JSON.stringify(presentProduct(before)), after: JSON.stringify(presentProduct(after)) });
    }
  }

  // A category named by existing id may have been deleted since it was read.
  const usedCategoryIds = [...new Set(plan.rows.flatMap((row) => (!row.newCategoryKey && typeof row.data.categoryId === 'number' && row.status !== 'unchanged' ? [row.data.categoryId] : [])))];
  for (const ids of chunked(usedCategoryIds, 1000)) {
    const live = await tx.category.count({ where: { id: { in: ids }, deletedAt: null } });
    if (live !== ids.length) throw new AppError('CONFLICT', 'A category of this file was deleted meanwhile; nothing was imported. Try again.');
  }
  for (const products of chunked(alertChecks, 1000)) await reconcileAlerts(tx, { products, now });
  for (const rows of chunked(audit, ROWS_PER_STATEMENT)) {
    const values = Prisma.join(rows.map((row) => Prisma.sql`(${actorId}, ${row.action}, ${row.entity}, ${row.entityId}, ${row.before}, ${row.after}, ${now})`));
    await tx.$executeRaw`INSERT INTO "audit_logs" ("actor_id", "action", "entity", "entity_id", "before", "after", "created_at") VALUES ${values}`;
  }
}

/** One audit row as recordAudit writes them (a product and a category have no secret fields). */
interface AuditRow {
  action: 'CREATE' | 'UPDATE';
  entity: 'Product' | 'Category';
  entityId: number;
  before: string | null;
  after: string;
}

type NewProduct = ReturnType<typeof productCreateData>;

/**
 * Multi-row INSERT ... RETURNING "id": Prisma's createManyAndReturn spent most of an import's
 * time mapping the rows back (measured with bench:import). The products are returned as the
 * database now holds them: the columns given, the ledger's figures at their defaults.
 */
async function insertProducts(tx: Transaction, rows: NewProduct[], now: Date): Promise<Product[]> {
  const values = Prisma.join(
    rows.map(
      (row) =>
        Prisma.sql`(${row.sku}, ${row.skuKey}, ${row.name}, ${row.description}, ${row.categoryId}, ${row.unit}, ${row.priceCents}, ${row.costCents}, ${row.reorderLevel}, ${row.safetyStock}, ${row.reorderQuantity}, ${row.barcode}, ${now}, ${now})`,
    ),
  );
  const inserted = await tx.$queryRaw<Array<{ id: number | bigint; sku_key: string }>>`
    INSERT INTO "products" ("sku", "sku_key", "name", "description", "category_id", "unit", "price_cents", "cost_cents", "reorder_level", "safety_stock", "reorder_quantity", "barcode", "created_at", "updated_at")
    VALUES ${values}
    RETURNING "id", "sku_key"`;
  const idBySkuKey = new Map(inserted.map((row) => [row.sku_key, Number(row.id)]));
  return rows.map((row) => ({
    ...row,
    id: idBySkuKey.get(row.skuKey)!,
    onHand: 0,
    averageCostMicroCents: 0n,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  })) as Product[];
}

/**
 * A new product holds nothing, so it is low on stock from the start when its reorder level is
 * above zero: its alert opens with it, as reconcileAlerts would open it, in one INSERT (that
 * use case's Prisma createMany took most of a 10,000-row import, and a new product has no
 * alert to look for first).
 */
async function openAlertsOfNewProducts(tx: Transaction, products: Product[], now: Date): Promise<void> {
  const low = products.filter((product) => isLowStock(product));
  if (low.length === 0) return;
  const active = databaseEngine() === 'postgresql' ? Prisma.sql`CAST('ACTIVE' AS "AlertStatus")` : Prisma.sql`'ACTIVE'`;
  const values = Prisma.join(low.map((product) => Prisma.sql`(${product.id}, ${active}, ${product.onHand}, ${product.reorderLevel}, ${now})`));
  await tx.$executeRaw`INSERT INTO "inventory_alerts" ("product_id", "status", "on_hand_at_trigger", "reorder_level", "created_at") VALUES ${values}`;
}

/** One UPDATE per chunk: each changed column set by a CASE on the id, the others kept. */
async function updateProducts(tx: Transaction, rows: Array<{ id: number; data: Partial<Record<UpdatableColumn, string | number | null>> }>, now: Date): Promise<void> {
  const fields = (Object.keys(SQL_COLUMN) as UpdatableColumn[]).filter((field) => rows.some((row) => field in row.data));
  const assignments = fields.map((field) => {
    const { name, type } = SQL_COLUMN[field];
    const cases = rows.filter((row) => field in row.data).map((row) => Prisma.sql`WHEN ${row.id} THEN CAST(${row.data[field]} AS ${Prisma.raw(type)})`);
    return Prisma.sql`${Prisma.raw(`"${name}"`)} = CASE "id" ${Prisma.join(cases, ' ')} ELSE ${Prisma.raw(`"${name}"`)} END`;
  });
  await tx.$executeRaw`UPDATE "products" SET ${Prisma.join([...assignments, Prisma.sql`"updated_at" = ${now}`], ', ')} WHERE "id" IN (${Prisma.join(rows.map((row) => row.id))})`;
}

function summarise(plan: ImportPlan, dryRun: boolean): ProductImportResult {
  const count = (status: ProductImportStatus) => plan.rows.filter((row) => row.status === status).length;
  return {
    dryRun,
    rows: plan.rows.map(({ line, sku, status, changes }) => ({ line, sku, status, changes })),
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
  };
}
