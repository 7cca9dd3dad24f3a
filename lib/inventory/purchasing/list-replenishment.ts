import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { recordIdSchema } from '@/lib/output-schema-parts';
import { toPage, type Page } from '@/lib/pagination';
import { dailyUsage, daysOfCover, reorderPoint, suggestedQuantity } from './replenishment-formulas';

export const replenishmentRowSchema = z
  .object({
    productId: recordIdSchema,
    sku: z.string(),
    name: z.string(),
    onHand: z.number().int().min(0),
    onOrder: z.number().int().min(0).describe('Units on ORDERED and PARTIALLY_RECEIVED orders, not yet received'),
    reorderLevel: z.number().int().min(0),
    safetyStock: z.number().int().min(0),
    dailyUsage: z.string().regex(/^\d+\.\d{2}$/).describe('Units shipped per day over the window, two places'),
    daysOfCover: z.number().int().min(0).nullable().describe('onHand / dailyUsage rounded down; null when nothing shipped'),
    leadTimeDays: z.number().int().min(0),
    reorderPoint: z.number().int().min(0),
    suggestedQuantity: z.number().int().min(1),
    supplierId: recordIdSchema.nullable().describe('The preferred supplier, else the quickest; null without one'),
    supplierName: z.string().nullable(),
  })
  .meta({ id: 'ReplenishmentRow' });

export type ReplenishmentRow = z.output<typeof replenishmentRowSchema> & { id: number };

type Numeric = number | bigint;

interface Row {
  id: Numeric;
  sku: string;
  name: string;
  on_hand: Numeric;
  on_order: Numeric;
  reorder_level: Numeric;
  safety_stock: Numeric;
  reorder_quantity: Numeric;
  shipped: Numeric;
  supplier_id: Numeric | null;
  supplier_name: string | null;
  lead_time_days: Numeric | null;
}

const DAY_MS = 86_400_000;

/**
 * Products to reorder: every live product whose onHand + onOrder is below its reorder point
 * (replenishment-formulas.ts), in product id order, a page at a time, in one SQL statement:
 * - a product's usage is one seek into the partial index of SHIPMENT rows by product and
 *   time, summing its shipments in the window from the index alone (a join to a grouped
 *   usage table instead lost its index on SQLite when the window was a bound parameter and
 *   scanned it once per product);
 * - a product that shipped nothing has max(reorderLevel, safetyStock) as its point whatever
 *   its supplier, so only products that shipped or are already below that go on to the
 *   supplier seek (preferred first, then the quickest; live suppliers only);
 * - the reorder point is the formulas' integer arithmetic, so only the rows answered leave
 *   the database. `supplierId` keeps the rows whose chosen supplier it is.
 */
export async function listReplenishment({
  days,
  supplierId,
  limit,
  cursor,
  now = new Date(),
}: {
  days: number;
  supplierId?: number;
  limit?: number;
  cursor?: number;
  now?: Date;
}): Promise<Page<ReplenishmentRow>> {
  const since = new Date(now.getTime() - days * DAY_MS);
  // An integer on both engines, so that the division below is integer division (SQLite's driver binds numbers as REAL).
  const window = Prisma.sql`CAST(${days} AS INTEGER)`;
  const rows = await db().$queryRaw<Row[]>`
    WITH "candidates" AS (
      SELECT p."id", p."sku", p."name", p."on_hand", p."on_order", p."reorder_level", p."safety_stock", p."reorder_quantity",
             COALESCE((SELECT SUM(-m."quantity") FROM "stock_movements" m
                        WHERE m."type" = 'SHIPMENT' AND m."product_id" = p."id" AND m."created_at" >= ${since}), 0) AS "shipped"
        FROM "products" p
       WHERE p."deleted_at" IS NULL ${cursor === undefined ? Prisma.empty : Prisma.sql`AND p."id" > ${cursor}`}
    ), "short" AS (
      SELECT c.*,
             (SELECT ps."supplier_id" FROM "product_suppliers" ps JOIN "suppliers" s ON s."id" = ps."supplier_id"
               WHERE ps."product_id" = c."id" AND s."deleted_at" IS NULL
               ORDER BY ps."preferred" DESC, ps."lead_time_days", ps."supplier_id" LIMIT 1) AS "supplier_id"
        FROM "candidates" c
       WHERE c."shipped" > 0
          OR c."on_hand" + c."on_order" < CASE WHEN c."reorder_level" > c."safety_stock" THEN c."reorder_level" ELSE c."safety_stock" END
    )
    SELECT c.*, l."lead_time_days", s."name" AS "supplier_name"
      FROM "short" c
      LEFT JOIN "product_suppliers" l ON l."product_id" = c."id" AND l."supplier_id" = c."supplier_id"
      LEFT JOIN "suppliers" s ON s."id" = c."supplier_id"
     WHERE c."on_hand" + c."on_order" < CASE
             WHEN c."reorder_level" > (c."shipped" * COALESCE(l."lead_time_days", 0) + ${window} - 1) / ${window} + c."safety_stock"
             THEN c."reorder_level"
             ELSE (c."shipped" * COALESCE(l."lead_time_days", 0) + ${window} - 1) / ${window} + c."safety_stock" END
       ${supplierId === undefined ? Prisma.empty : Prisma.sql`AND c."supplier_id" = ${supplierId}`}
     ORDER BY c."id"
     ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit + 1}`}`;
  const answer = rows.map((row): ReplenishmentRow => {
    const window = { shipped: Number(row.shipped), days };
    const onHand = Number(row.on_hand);
    const onOrder = Number(row.on_order);
    const leadTimeDays = Number(row.lead_time_days ?? 0);
    const point = reorderPoint({ ...window, leadTimeDays, reorderLevel: Number(row.reorder_level), safetyStock: Number(row.safety_stock) });
    return {
      id: Number(row.id),
      productId: Number(row.id),
      sku: row.sku,
      name: row.name,
      onHand,
      onOrder,
      reorderLevel: Number(row.reorder_level),
      safetyStock: Number(row.safety_stock),
      dailyUsage: dailyUsage(window),
      daysOfCover: daysOfCover({ ...window, onHand }),
      leadTimeDays,
      reorderPoint: point,
      suggestedQuantity: suggestedQuantity({ reorderPoint: point, onHand, onOrder, reorderQuantity: Number(row.reorder_quantity) }),
      supplierId: row.supplier_id === null ? null : Number(row.supplier_id),
      supplierName: row.supplier_name,
    };
  });
  return limit === undefined ? { data: answer, nextCursor: null } : toPage(answer, limit);
}

/** A row in the API's shape (the page's cursor id left out). */
export function presentReplenishmentRow({ id: _id, ...row }: ReplenishmentRow): z.output<typeof replenishmentRowSchema> {
  return row;
}
