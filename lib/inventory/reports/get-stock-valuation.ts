import { db } from '@/lib/db/client';
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

type Numeric = number | bigint | string;
const big = (value: Numeric | null): bigint => BigInt(value ?? 0);

/** The first instant after the given day (UTC), or now. */
export function valuationCutoff(asOf: string | undefined, now = new Date()): Date {
  return asOf ? new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000) : now;
}

/**
 * Quantity and value of every product at every location as of the end of `asOf` (UTC), or
 * now, from the ledger alone. Each row of the ledger carries the balance of its location and
 * the product's moving weighted average cost right after it (set at posting, under the
 * product's lock), so the state at any instant is the last row before it: one index seek per
 * stock level and product rather than a replay of the whole ledger. Values are exact:
 * integers and BigInt.
 */
export async function getStockValuation({ asOf, now = new Date() }: { asOf?: string; now?: Date } = {}): Promise<StockValuation> {
  const cutoff = valuationCutoff(asOf, now);
  const rows = await db().$queryRaw<Array<{ product_id: Numeric; location_id: Numeric; quantity: Numeric; average: Numeric; sku: string; name: string; code: string }>>`
    SELECT v."product_id", v."location_id", v."quantity", v."average", p."sku", p."name", l."code"
      FROM (SELECT s."product_id", s."location_id",
                   (SELECT m."balance_after" FROM "stock_movements" m
                     WHERE m."product_id" = s."product_id" AND m."location_id" = s."location_id" AND m."created_at" < ${cutoff}
                     ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1) AS "quantity",
                   (SELECT m."average_cost_micro_cents" FROM "stock_movements" m
                     WHERE m."product_id" = s."product_id" AND m."created_at" < ${cutoff}
                     ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1) AS "average"
              FROM "stock_levels" s) v
      JOIN "products" p ON p."id" = v."product_id"
      JOIN "locations" l ON l."id" = v."location_id"
     WHERE v."quantity" <> 0
     ORDER BY p."sku", l."code"`;

  let totalQuantity = 0;
  let totalValue = 0n;
  const valuation = rows.map((row): ValuationRow => {
    const productId = Number(row.product_id);
    const average = big(row.average);
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
  return { asOf: asOf ?? cutoff.toISOString(), rows: valuation, totalQuantity, totalValue: formatCents(totalValue) };
}
