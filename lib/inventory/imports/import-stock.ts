import { z } from 'zod';
import { db, type Transaction } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, isAppError, type FieldErrors } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { claimIdempotencyKeys, findStoredAnswer, idempotencySlot, purgeExpiredIdempotencyKeys, storeIdempotentAnswers, type IdempotencyRequest } from '../idempotency';
import { MICRO_PER_CENT } from '../moving-average';
import type { MovementInput } from '../movement-schemas';
import { levelKey } from '../plan-movements';
import { skuSchema } from '../product-schemas';
import { MAX_MOVEMENT_QUANTITY, moneySchema } from '../schema-parts';
import { writeMovementGroup } from '../write-movement-group';
import { chunked, importFailed, rowErrorKey } from './import-support';
import { readCsvTable } from './read-csv-table';

export const STOCK_IMPORT_COLUMNS = ['sku', 'location', 'quantity', 'unitCost'] as const;

/** The reason every imported count carries in the ledger (API.md). */
export const STOCK_IMPORT_REASON = 'Import';

export const stockImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.array(
      z.object({
        line: z.number().int().min(2).describe('The line of the file (the header is line 1)'),
        sku: z.string(),
        location: z.string().describe('The location code'),
        quantity: z.number().int().min(0).describe('The counted on-hand'),
        onHandBefore: z.number().int().min(0).describe('On-hand at this location before the count'),
        change: z.number().int().describe('What the count changes: quantity - onHandBefore'),
      }),
    ),
    movements: z.number().int().min(0).describe('COUNT movements posted (a dry run: that would be posted)'),
  })
  .meta({ id: 'StockImportResult' });

export type StockImportResult = z.output<typeof stockImportResultSchema>;

export interface ImportStockOptions {
  csv: string;
  dryRun: boolean;
  actorId: number;
  idempotency?: IdempotencyRequest;
}

/** Rows per call of the ledger's posting code: it reads stock levels with one OR term per row, and SQLite refuses an expression deeper than 1000. */
const ROWS_PER_POSTING = 400;

interface CountRow {
  line: number;
  sku: string;
  location: string;
  productId: number;
  locationId: number;
  quantity: number;
  unitCostCents: number | undefined;
}

/**
 * Opening stock (API.md, "Import and barcodes"): each row `sku, location, quantity[, unitCost]`
 * is one COUNT movement, reason "Import", posted through the ledger's own posting code
 * (writeMovementGroup: the same locks, planning, guarded level updates and alerts as every
 * movement), all rows in one transaction, all or none. A row's `unitCost` sets its product's
 * moving average cost just before its count, which the count's ledger row then carries: the
 * value of opening stock is what the spreadsheet says, and valuation stays a function of the
 * ledger. With an Idempotency-Key, a repeat answers the first import's result and posts nothing.
 */
export async function importStock({ csv, dryRun, actorId, idempotency }: ImportStockOptions): Promise<{ result: StockImportResult; replayed: boolean }> {
  const table = readCsvTable(csv, { columns: STOCK_IMPORT_COLUMNS, required: ['sku', 'location', 'quantity'], decimals: ['unitCost'] });
  if (!dryRun && idempotency) {
    await purgeExpiredIdempotencyKeys();
    const stored = await findStoredAnswer(idempotency);
    if (stored) return { result: stored.body as StockImportResult, replayed: true };
  }
  const counts = await resolveRows(table.rows);
  if (dryRun) {
    const levels = await readLevels(db(), counts);
    return { result: { dryRun: true, rows: counts.map((row) => presentRow(row, levels.get(levelKey(row.productId, row.locationId)) ?? 0)), movements: counts.length }, replayed: false };
  }

  const outcome = await writeTransaction(async (tx) => {
    if (idempotency) {
      const claimed = await claimIdempotencyKeys(tx, [idempotency], new Date());
      const recordId = claimed.get(idempotencySlot(idempotency));
      if (recordId === undefined) return { replay: true as const };
      const result = await postCounts(tx, counts, actorId);
      await storeIdempotentAnswers(tx, [{ recordId, answer: { status: 201, body: result } }]);
      return { replay: false as const, result };
    }
    return { replay: false as const, result: await postCounts(tx, counts, actorId) };
  });
  if (!outcome.replay) return { result: outcome.result, replayed: false };
  // Another request with this key committed while this one waited.
  const stored = await findStoredAnswer(idempotency!);
  if (!stored) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed.');
  return { result: stored.body as StockImportResult, replayed: true };
}

const unitCostSchema = moneySchema({ min: 'nonNegative', label: 'Unit cost' });

/** Checks every cell and names the products and locations; every problem of every row at once. */
async function resolveRows(rows: Array<{ line: number; cells: Record<string, string> }>): Promise<CountRow[]> {
  const errors: FieldErrors = {};
  const fail = (line: number, column: string, message: string) => {
    errors[rowErrorKey(line, column)] ??= message;
  };
  const skuKeys = [...new Set(rows.map((row) => row.cells.sku!.trim().toLowerCase()).filter((key) => key !== ''))];
  const codeKeys = [...new Set(rows.map((row) => nameKey(row.cells.location!.trim())).filter((key) => key !== ''))];
  const products = new Map<string, { id: number; sku: string }>();
  for (const keys of chunked(skuKeys, 1000)) {
    const found = await db().product.findMany({ where: { skuKey: { in: keys }, deletedAt: null }, select: { id: true, sku: true, skuKey: true } });
    for (const product of found) products.set(product.skuKey, product);
  }
  const locations = new Map<string, { id: number; code: string }>();
  for (const keys of chunked(codeKeys, 1000)) {
    const found = await db().location.findMany({ where: { codeKey: { in: keys }, deletedAt: null }, select: { id: true, code: true, codeKey: true } });
    for (const location of found) locations.set(location.codeKey, location);
  }

  const counted = new Map<string, number>();
  const unitCostOf = new Map<number, { cents: number; line: number }>();
  const resolved: CountRow[] = [];
  for (const { line, cells } of rows) {
    const sku = skuSchema.safeParse(cells.sku);
    const product = sku.success ? products.get(sku.data.toLowerCase()) : undefined;
    if (!sku.success) fail(line, 'sku', sku.error.issues[0]!.message);
    else if (!product) fail(line, 'sku', 'No product with this SKU');

    const code = cells.location!.trim();
    const location = code === '' ? undefined : locations.get(nameKey(code));
    if (code === '') fail(line, 'location', 'Location is required (a location code)');
    else if (!location) fail(line, 'location', 'No location with this code');

    const quantityCell = cells.quantity!.trim();
    const quantity = /^\d{1,10}$/.test(quantityCell) ? Number(quantityCell) : Number.NaN;
    if (quantityCell === '') fail(line, 'quantity', 'Quantity is required (the counted on-hand)');
    else if (Number.isNaN(quantity)) fail(line, 'quantity', 'Quantity must be a whole number, 0 or more');
    else if (quantity > MAX_MOVEMENT_QUANTITY) fail(line, 'quantity', 'Quantity is too large');

    let unitCostCents: number | undefined;
    const unitCostCell = cells.unitCost?.trim() ?? '';
    if (unitCostCell !== '') {
      const cost = unitCostSchema.safeParse(unitCostCell);
      if (!cost.success) fail(line, 'unitCost', cost.error.issues[0]!.message);
      else unitCostCents = cost.data;
    }

    if (!product || !location || Number.isNaN(quantity)) continue;
    const key = levelKey(product.id, location.id);
    const earlier = counted.get(key);
    if (earlier !== undefined) fail(line, 'location', `This product is already counted at this location on line ${earlier}`);
    counted.set(key, line);
    if (unitCostCents !== undefined) {
      const other = unitCostOf.get(product.id);
      if (other && other.cents !== unitCostCents) fail(line, 'unitCost', `Line ${other.line} gives this product another unit cost`);
      else unitCostOf.set(product.id, { cents: unitCostCents, line });
    }
    resolved.push({ line, sku: product.sku, location: location.code, productId: product.id, locationId: location.id, quantity, unitCostCents });
  }
  if (Object.keys(errors).length > 0) throw importFailed(errors, 'counts');
  return resolved;
}

async function readLevels(client: Pick<Transaction, 'stockLevel'>, counts: CountRow[]): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  for (const rows of chunked(counts, 500)) {
    const found = await client.stockLevel.findMany({
      where: { OR: rows.map((row) => ({ productId: row.productId, locationId: row.locationId })) },
      select: { productId: true, locationId: true, onHand: true },
    });
    for (const level of found) levels.set(levelKey(level.productId, level.locationId), level.onHand);
  }
  return levels;
}

function presentRow(row: CountRow, onHandBefore: number): StockImportResult['rows'][number] {
  return { line: row.line, sku: row.sku, location: row.location, quantity: row.quantity, onHandBefore, change: row.quantity - onHandBefore };
}

const FIELD_COLUMN: Record<string, string> = { productId: 'sku', sku: 'sku', locationId: 'location', quantity: 'quantity' };

async function postCounts(tx: Transaction, counts: CountRow[], actorId: number): Promise<StockImportResult> {
  const averages = new Map(counts.flatMap((row) => (row.unitCostCents === undefined ? [] : [[row.productId, BigInt(row.unitCostCents) * MICRO_PER_CENT] as const])));
  for (const rows of chunked([...averages], 500)) {
    const cases = Prisma.join(rows.map(([id, average]) => Prisma.sql`WHEN ${id} THEN CAST(${average} AS BIGINT)`), ' ');
    await tx.$executeRaw`UPDATE "products" SET "average_cost_micro_cents" = CASE "id" ${cases} END WHERE "id" IN (${Prisma.join(rows.map(([id]) => id))}) AND "deleted_at" IS NULL`;
  }

  const rows: StockImportResult['rows'] = [];
  for (const chunk of chunked(counts, ROWS_PER_POSTING)) {
    const movements: MovementInput[] = chunk.map((row) => ({
      productId: row.productId,
      locationId: row.locationId,
      type: 'COUNT',
      quantity: row.quantity,
      reason: STOCK_IMPORT_REASON,
      reference: null,
    }));
    const [outcome] = await writeMovementGroup(tx, [{ movements, actorId, batch: true }]);
    if (outcome?.kind === 'refused') throw onLines(outcome.error, chunk);
    if (outcome?.kind !== 'posted') throw new Error('The ledger did not post an import chunk.');
    outcome.answer.data.forEach((movement, index) => rows.push(presentRow(chunk[index]!, movement.balanceAfter - movement.quantity)));
  }
  return { dryRun: false, rows, movements: rows.length };
}

/** The ledger keys a refusal by row of the chunk ("3.quantity"); the import by line and column. */
function onLines(error: unknown, chunk: CountRow[]): unknown {
  if (!isAppError(error) || !error.details.fieldErrors) return error;
  const fieldErrors = Object.fromEntries(
    Object.entries(error.details.fieldErrors).map(([key, message]) => {
      const [index, field = '_'] = key.split('.');
      const row = chunk[Number(index)];
      return [row ? rowErrorKey(row.line, FIELD_COLUMN[field] ?? field) : key, message];
    }),
  );
  return new AppError(error.code, `${error.message} Nothing was imported.`, { ...error.details, fieldErrors });
}
