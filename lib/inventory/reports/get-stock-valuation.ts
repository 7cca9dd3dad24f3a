import { db } from '@/lib/db/client';
import { formatCents } from '@/lib/money';
import { formatAverageCost, receive, valueInCents } from './moving-average';

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

type Numeric = number | bigint | string;
const big = (value: Numeric | null): bigint => BigInt(value ?? 0);

/** The first instant after the given day (UTC), or now. */
export function valuationCutoff(asOf: string | undefined, now = new Date()): Date {
  return asOf ? new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000) : now;
}

/**
 * Quantity and value of every product at every location as of the end of `asOf` (UTC), or
 * now, computed from the ledger alone: quantities are the sums of movements up to then; the
 * moving weighted average cost of each product is replayed from its receipts (a receipt
 * without a unit cost uses the product's cost), with the quantity held before each receipt
 * taken from a running sum the database computes. Values are exact: integers and BigInt.
 */
export async function getStockValuation({ asOf, now = new Date() }: { asOf?: string; now?: Date } = {}): Promise<StockValuation> {
  const cutoff = valuationCutoff(asOf, now);
  const client = db();
  const [quantities, receipts] = await Promise.all([
    client.$queryRaw<Array<{ product_id: Numeric; location_id: Numeric; quantity: Numeric; sku: string; name: string; code: string }>>`
      SELECT q."product_id", q."location_id", q."quantity", p."sku", p."name", l."code"
        FROM (SELECT "product_id", "location_id", SUM("quantity") AS "quantity"
                FROM "stock_movements" WHERE "created_at" < ${cutoff}
               GROUP BY "product_id", "location_id") q
        JOIN "products" p ON p."id" = q."product_id"
        JOIN "locations" l ON l."id" = q."location_id"
       WHERE q."quantity" <> 0
       ORDER BY p."sku", l."code"`,
    client.$queryRaw<Array<{ product_id: Numeric; quantity: Numeric; unit_cost: Numeric; held_before: Numeric | null }>>`
      SELECT r."product_id", r."quantity", r."unit_cost", r."held_before" FROM (
        SELECT m."id", m."product_id", m."type", m."quantity",
               COALESCE(m."unit_cost_cents", p."cost_cents") AS "unit_cost",
               SUM(m."quantity") OVER (PARTITION BY m."product_id" ORDER BY m."id"
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "held_before"
          FROM "stock_movements" m JOIN "products" p ON p."id" = m."product_id"
         WHERE m."created_at" < ${cutoff}) r
       WHERE r."type" = 'RECEIPT'
       ORDER BY r."product_id", r."id"`,
  ]);

  const averageByProduct = new Map<number, bigint>();
  for (const receipt of receipts) {
    const productId = Number(receipt.product_id);
    const average = averageByProduct.get(productId) ?? 0n;
    averageByProduct.set(productId, receive(average, big(receipt.held_before), big(receipt.quantity), big(receipt.unit_cost)));
  }

  let totalQuantity = 0;
  let totalValue = 0n;
  const rows = quantities.map((row): ValuationRow => {
    const productId = Number(row.product_id);
    const average = averageByProduct.get(productId) ?? 0n;
    const value = valueInCents(big(row.quantity), average);
    totalQuantity += Number(row.quantity);
    totalValue += value;
    return {
      productId,
      sku: row.sku,
      name: row.name,
      locationId: Number(row.location_id),
      locationCode: row.code,
      quantity: Number(row.quantity),
      unitCost: formatAverageCost(average),
      value: formatCents(value),
    };
  });
  return { asOf: asOf ?? cutoff.toISOString(), rows, totalQuantity, totalValue: formatCents(totalValue) };
}
