import { reportReader, type SqlArguments } from '@/lib/db/report-reader';
import { formatCents } from '@/lib/money';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { endOfShopDay } from '@/lib/time/shop-day';
import { formatAverageCost, MICRO_PER_CENT, valueInCents } from '../moving-average';

export interface ValuationRow {
  productId: number;
  sku: string;
  name: string;
  locationId: number;
  locationCode: string;
  quantity: number;
  /** Moving weighted average unit cost, four decimals. */
  unitCost: string;
  value: string;
}

export interface StockValuation {
  asOf: string;
  rows: ValuationRow[];
  /** Over every line, whether or not `rows` was limited. */
  totalQuantity: number;
  totalValue: string;
  lineCount: number;
}

export interface StockValuationTotals {
  totalQuantity: number;
  totalValue: string;
  lineCount: number;
}

/** A valuation read page by page: `rows` yields in SKU order; `totals()` is final once they are consumed. */
export interface StockValuationStream {
  asOf: string;
  rows: AsyncGenerator<ValuationRow>;
  totals: () => { totalQuantity: number; totalValue: string };
}

type Numeric = number | bigint | string;

/** Products per query: a page's rows stay a few hundred kilobytes whatever the catalogue size. */
const PRODUCTS_PER_PAGE = 1_000;

export interface StockValuationOptions {
  asOf?: string;
  now?: Date;
  productsPerPage?: number;
  /** Only the `limit` largest lines by value (then SKU, location code), chosen in SQL; the totals still cover every line. */
  limit?: number;
  /** The zone `asOf` is a day in; the shop's (shop settings) unless given. */
  timeZone?: string;
}

/** The first instant after the given day in the shop's time zone, or now. */
export async function valuationCutoff(asOf: string | undefined, now = new Date(), timeZone?: string): Promise<Date> {
  if (!asOf) return now;
  return endOfShopDay(asOf, timeZone ?? (await getShopSettings()).timezone);
}

/**
 * The balance of stock level (p."id", s."location_id") at `cutoff`: its last live row before
 * then; else, when the archive holds all its rows before then, its latest checkpoint (the
 * state after its last archived row); else its last archived row before then. Archived rows
 * all precede the level's live ones, so this is the answer the whole ledger would give.
 */
function levelBalanceAsOf(args: SqlArguments, cutoff: Date): string {
  return `COALESCE(
      (SELECT m."balance_after" FROM "stock_movements" m
        WHERE m."product_id" = p."id" AND m."location_id" = s."location_id" AND m."created_at" < ${args.add(cutoff, 'datetime')}
        ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1),
      (SELECT CASE WHEN c."through_created_at" < ${args.add(cutoff, 'datetime')} THEN c."balance" END FROM "ledger_checkpoints" c
        WHERE c."product_id" = p."id" AND c."location_id" = s."location_id" ORDER BY c."through_movement_id" DESC LIMIT 1),
      (SELECT a."balance_after" FROM "stock_movements_archive" a
        WHERE a."product_id" = p."id" AND a."location_id" = s."location_id" AND a."created_at" < ${args.add(cutoff, 'datetime')}
        ORDER BY a."created_at" DESC, a."id" DESC LIMIT 1))`;
}

/** The product p's moving average cost at `cutoff`, read as levelBalanceAsOf reads a balance (its latest checkpoint over all its levels). */
function productAverageAsOf(args: SqlArguments, cutoff: Date): string {
  return `COALESCE(
      (SELECT m."average_cost_micro_cents" FROM "stock_movements" m
        WHERE m."product_id" = p."id" AND m."created_at" < ${args.add(cutoff, 'datetime')}
        ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1),
      (SELECT CASE WHEN c."through_created_at" < ${args.add(cutoff, 'datetime')} THEN c."average_cost_micro_cents" END FROM "ledger_checkpoints" c
        WHERE c."product_id" = p."id" ORDER BY c."through_movement_id" DESC LIMIT 1),
      (SELECT a."average_cost_micro_cents" FROM "stock_movements_archive" a
        WHERE a."product_id" = p."id" AND a."created_at" < ${args.add(cutoff, 'datetime')}
        ORDER BY a."created_at" DESC, a."id" DESC LIMIT 1))`;
}

/**
 * Quantity and value of every product at every location as of the end of `asOf` (a day in the
 * shop's time zone), or
 * now, from the ledger alone. Each ledger row carries the balance of its location and the
 * product's moving weighted average cost right after it (set at posting, under the product's
 * lock), so the state at any instant is the last row before it: one index seek per stock level
 * rather than a replay of the ledger. Products are read a page at a time in SKU order (keyset
 * on the unique sku_key), so memory stays flat for large catalogues. Values are exact: BigInt.
 * Read through the report connection (lib/db/report-reader): rows arrive as plain arrays.
 */
export function streamStockValuation({ asOf, now = new Date(), productsPerPage = PRODUCTS_PER_PAGE, timeZone }: StockValuationOptions = {}): StockValuationStream {
  let totalQuantity = 0;
  let totalValue = 0n;

  async function* rows(): AsyncGenerator<ValuationRow> {
    let after: string | null = null;
    const cutoff = await valuationCutoff(asOf, now, timeZone);
    const reader = await reportReader();
    for (;;) {
      // Arguments are added in the order their placeholders appear: SQLite's are positional.
      const page = await reader.query((args) => {
        const balance = levelBalanceAsOf(args, cutoff);
        const average = productAverageAsOf(args, cutoff);
        const keyset = after === null ? '' : `WHERE "sku_key" > ${args.add(after, 'string')}`;
        return `
        SELECT p."sku_key", p."id", p."sku", p."name", s."location_id", l."code",
               ${balance}, ${average}
          FROM (SELECT "id", "sku_key", "sku", "name" FROM "products" ${keyset} ORDER BY "sku_key" LIMIT ${args.add(productsPerPage, 'int')}) p
          LEFT JOIN "stock_levels" s ON s."product_id" = p."id"
          LEFT JOIN "locations" l ON l."id" = s."location_id"
         ORDER BY p."sku_key", l."code"`;
      });
      if (page.length === 0) return;
      for (const [, productId, sku, name, locationId, code, balance, averageCost] of page) {
        const quantity = Number(balance ?? 0);
        if (quantity === 0) continue;
        const average = BigInt((averageCost as Numeric | null) ?? 0);
        const value = valueInCents(BigInt(quantity), average);
        totalQuantity += quantity;
        totalValue += value;
        yield {
          productId: Number(productId),
          sku: String(sku),
          name: String(name),
          locationId: Number(locationId),
          locationCode: String(code),
          quantity,
          unitCost: formatAverageCost(average),
          value: formatCents(value),
        };
      }
      after = String(page.at(-1)![0]);
    }
  }

  return { asOf: asOf ?? now.toISOString(), rows: rows(), totals: () => ({ totalQuantity, totalValue: formatCents(totalValue) }) };
}

/**
 * `quantity` units at `average` micro-cents, in cents rounded half-up, as valueInCents computes it.
 * Whole cents and the remainder are multiplied apart: quantity x micro-cents overflows 64 bits
 * for a billion units at 50.00, while each part here stays below 2^62.
 */
function lineValue(quantity: string, average: string): string {
  const units = `CAST(${quantity} AS BIGINT)`;
  return `(${units} * (${average} / ${MICRO_PER_CENT}) + (${units} * (${average} % ${MICRO_PER_CENT}) * 2 + ${MICRO_PER_CENT}) / ${2n * MICRO_PER_CENT})`;
}

/**
 * One line per stock level holding stock, with its value in cents, as SQL over which the
 * totals and the largest lines are computed without bringing the lines into memory. The
 * value is rounded half-up per line exactly as valueInCents does, so sums agree to the cent.
 * As of now it reads the cached state (stock level on-hand and the product's current average,
 * both set in the transaction that posts each movement, and checked against the ledger by
 * ledger:verify); as of a past day, the last ledger row before its end, as the stream does.
 */
function valuationLines(args: SqlArguments, cutoff: Date | null, { named = true }: { named?: boolean } = {}): string {
  // Totals need no names: leaving out the locations join saves a lookup per line.
  const names = named ? 'p."sku_key", p."sku", p."name", s."location_id", l."code",' : '';
  const locations = named ? 'JOIN "locations" l ON l."id" = s."location_id"' : '';
  if (cutoff === null) {
    return `
      SELECT p."id" AS product_id, ${names}
             s."on_hand" AS quantity, p."average_cost_micro_cents" AS average, ${lineValue('s."on_hand"', 'p."average_cost_micro_cents"')} AS value
        FROM "stock_levels" s
        JOIN "products" p ON p."id" = s."product_id"
        ${locations}
       WHERE s."on_hand" <> 0`;
  }
  const balance = levelBalanceAsOf(args, cutoff);
  const average = productAverageAsOf(args, cutoff);
  return `
    SELECT product_id, ${named ? '"sku_key", "sku", "name", "location_id", "code",' : ''} quantity, average, ${lineValue('quantity', 'average')} AS value
      FROM (
        SELECT p."id" AS product_id, ${names}
               COALESCE(${balance}, 0) AS quantity,
               COALESCE(${average}, 0) AS average
          FROM "stock_levels" s
          JOIN "products" p ON p."id" = s."product_id"
          ${locations}
      ) levels
     WHERE quantity <> 0`;
}

/** Quantity, value and number of lines of the whole valuation, summed in SQL. */
export async function getStockValuationTotals({ asOf, now = new Date(), timeZone }: Pick<StockValuationOptions, 'asOf' | 'now' | 'timeZone'> = {}): Promise<StockValuationTotals> {
  const reader = await reportReader();
  const cutoff = asOf ? await valuationCutoff(asOf, now, timeZone) : null;
  const [row] = await reader.query((args) => `SELECT COUNT(*), SUM(quantity), SUM(value) FROM (${valuationLines(args, cutoff, { named: false })}) lines`);
  const [count, quantity, value] = row ?? [];
  return {
    lineCount: Number((count as Numeric | null) ?? 0),
    totalQuantity: Number((quantity as Numeric | null) ?? 0),
    totalValue: formatCents(BigInt((value as Numeric | null) ?? 0)),
  };
}

function toRow([productId, , sku, name, locationId, code, quantity, average, value]: unknown[]): ValuationRow {
  return {
    productId: Number(productId),
    sku: String(sku),
    name: String(name),
    locationId: Number(locationId),
    locationCode: String(code),
    quantity: Number(quantity),
    unitCost: formatAverageCost(BigInt(average as Numeric)),
    value: formatCents(BigInt(value as Numeric)),
  };
}

/**
 * A product's whole on-hand at its average cost, in cents: no line of it is worth more.
 * Written exactly as the partial index products_stock_value_bound_idx is (migration
 * 20261209100000_report_indexes), so that both engines read products in its order.
 */
export const PRODUCT_VALUE_BOUND = lineValue('"on_hand"', '"average_cost_micro_cents"');

/**
 * Products whose whole on-hand is read first when looking for the largest lines as of now:
 * read in the bound's index order, so more of them cost little and give a higher floor.
 */
const FIRST_CANDIDATES = 256;

async function largestLines(limit: number, asOf: string | undefined, now: Date, timeZone: string | undefined): Promise<ValuationRow[]> {
  const reader = await reportReader();
  const largest = (cutoff: Date | null, products?: (args: SqlArguments) => string) =>
    reader.query((args) => {
      const lines = valuationLines(args, cutoff);
      const only = products ? `WHERE product_id IN (${products(args)})` : '';
      return `SELECT * FROM (${lines}) lines ${only} ORDER BY value DESC, "sku_key", "code" LIMIT ${args.add(limit, 'int')}`;
    });
  if (asOf) return (await largest(await valuationCutoff(asOf, now, timeZone))).map(toRow);
  // As of now, a line is worth at most its product's whole on-hand at the product's average
  // (its bound). The lines of the products with the largest bounds give a value that the
  // `limit`-th largest line reaches at least; every line worth that much belongs to a product
  // whose bound reaches it, so the answer is among those products' lines, ties included.
  const first = await largest(null, (args) => `SELECT "id" FROM "products" WHERE "on_hand" > 0 ORDER BY ${PRODUCT_VALUE_BOUND} DESC LIMIT ${args.add(Math.max(FIRST_CANDIDATES, limit), 'int')}`);
  if (first.length < limit) return (await largest(null)).map(toRow);
  const floor = BigInt(first.at(-1)![8] as Numeric);
  return (await largest(null, () => `SELECT "id" FROM "products" WHERE "on_hand" > 0 AND ${PRODUCT_VALUE_BOUND} >= ${floor}`)).map(toRow);
}

/**
 * The valuation in memory: every line in SKU order (for the scheduled export and tests), or,
 * with `limit`, only the largest lines and the totals from SQL (for pages), so that a page
 * never builds the whole report to show a few rows.
 */
export async function getStockValuation(options: StockValuationOptions = {}): Promise<StockValuation> {
  const { asOf, now = new Date(), limit } = options;
  if (limit !== undefined) {
    // One read of the zone for both queries.
    const timeZone = options.timeZone ?? (asOf ? (await getShopSettings()).timezone : undefined);
    const [rows, totals] = await Promise.all([largestLines(limit, asOf, now, timeZone), getStockValuationTotals({ asOf, now, timeZone })]);
    return { asOf: asOf ?? now.toISOString(), rows, ...totals };
  }
  const stream = streamStockValuation(options);
  const rows: ValuationRow[] = [];
  for await (const row of stream.rows) rows.push(row);
  return { asOf: stream.asOf, rows, ...stream.totals(), lineCount: rows.length };
}
