import { reportReader } from '@/lib/db/report-reader';
import { formatCents } from '@/lib/money';
import { formatAverageCost, valueInCents } from '../moving-average';

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
  totalQuantity: number;
  totalValue: string;
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
}

/** The first instant after the given day (UTC), or now. */
export function valuationCutoff(asOf: string | undefined, now = new Date()): Date {
  return asOf ? new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000) : now;
}

/**
 * Quantity and value of every product at every location as of the end of `asOf` (UTC), or
 * now, from the ledger alone. Each ledger row carries the balance of its location and the
 * product's moving weighted average cost right after it (set at posting, under the product's
 * lock), so the state at any instant is the last row before it: one index seek per stock level
 * rather than a replay of the ledger. Products are read a page at a time in SKU order (keyset
 * on the unique sku_key), so memory stays flat for large catalogues. Values are exact: BigInt.
 * Read through the report connection (lib/db/report-reader): rows arrive as plain arrays.
 */
export function streamStockValuation({ asOf, now = new Date(), productsPerPage = PRODUCTS_PER_PAGE }: StockValuationOptions = {}): StockValuationStream {
  const cutoff = valuationCutoff(asOf, now);
  let totalQuantity = 0;
  let totalValue = 0n;

  async function* rows(): AsyncGenerator<ValuationRow> {
    let after: string | null = null;
    const reader = await reportReader();
    for (;;) {
      // Arguments are added in the order their placeholders appear: SQLite's are positional.
      const page = await reader.query((args) => {
        const levelCutoff = args.add(cutoff, 'datetime');
        const productCutoff = args.add(cutoff, 'datetime');
        const keyset = after === null ? '' : `WHERE "sku_key" > ${args.add(after, 'string')}`;
        return `
        SELECT p."sku_key", p."id", p."sku", p."name", s."location_id", l."code",
               (SELECT m."balance_after" FROM "stock_movements" m
                 WHERE m."product_id" = p."id" AND m."location_id" = s."location_id" AND m."created_at" < ${levelCutoff}
                 ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1),
               (SELECT m."average_cost_micro_cents" FROM "stock_movements" m
                 WHERE m."product_id" = p."id" AND m."created_at" < ${productCutoff}
                 ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1)
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

  return { asOf: asOf ?? cutoff.toISOString(), rows: rows(), totals: () => ({ totalQuantity, totalValue: formatCents(totalValue) }) };
}

/** The whole valuation in memory: for previews, the scheduled export and tests. */
export async function getStockValuation(options: StockValuationOptions = {}): Promise<StockValuation> {
  const stream = streamStockValuation(options);
  const rows: ValuationRow[] = [];
  for await (const row of stream.rows) rows.push(row);
  return { asOf: stream.asOf, rows, ...stream.totals() };
}
