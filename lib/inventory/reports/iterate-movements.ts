import { db } from '@/lib/db/client';
import { Prisma, type StockMovement } from '@/lib/db/generated/sqlite/client';
import type { MovementFilter } from '../list-movements';

/**
 * Rows per query. Large enough that the round trips cost little next to the rows (a million
 * movements are 200 queries), small enough that one page (a few MB of objects) is all the
 * memory the export ever holds.
 */
export const MOVEMENT_PAGE_SIZE = 5_000;

export interface MovementExportRow extends StockMovement {
  sku: string;
  productName: string;
  locationCode: string;
  createdByEmail: string | null;
}

type Numeric = number | bigint;

interface RawMovementRow {
  id: Numeric;
  product_id: Numeric;
  location_id: Numeric;
  type: StockMovement['type'];
  quantity: Numeric;
  balance_after: Numeric;
  unit_cost_cents: Numeric | null;
  reason: string | null;
  reference: string | null;
  transfer_id: string | null;
  created_by_id: Numeric | null;
  created_at: Date | string;
  sku: string;
  product_name: string;
  location_code: string;
  created_by_email: string | null;
}

function conditions(filter: MovementFilter, before: number | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (before !== undefined) parts.push(Prisma.sql`m."id" < ${before}`);
  if (filter.productId !== undefined) parts.push(Prisma.sql`m."product_id" = ${filter.productId}`);
  if (filter.locationId !== undefined) parts.push(Prisma.sql`m."location_id" = ${filter.locationId}`);
  // Compared as text: PostgreSQL would otherwise refuse an enum = text comparison.
  if (filter.type !== undefined) parts.push(Prisma.sql`CAST(m."type" AS TEXT) = ${filter.type}`);
  if (filter.from !== undefined) parts.push(Prisma.sql`m."created_at" >= ${filter.from}`);
  if (filter.toExclusive !== undefined) parts.push(Prisma.sql`m."created_at" < ${filter.toExclusive}`);
  return parts.length > 0 ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

function toRow(raw: RawMovementRow): MovementExportRow {
  const nullableNumber = (value: Numeric | null) => (value === null ? null : Number(value));
  return {
    id: Number(raw.id),
    productId: Number(raw.product_id),
    locationId: Number(raw.location_id),
    type: raw.type,
    quantity: Number(raw.quantity),
    balanceAfter: Number(raw.balance_after),
    unitCostCents: nullableNumber(raw.unit_cost_cents),
    reason: raw.reason,
    reference: raw.reference,
    transferId: raw.transfer_id,
    createdById: nullableNumber(raw.created_by_id),
    createdAt: raw.created_at instanceof Date ? raw.created_at : new Date(raw.created_at),
    sku: raw.sku,
    productName: raw.product_name,
    locationCode: raw.location_code,
    createdByEmail: raw.created_by_email,
  };
}

/**
 * The ledger rows matching a filter, newest first (as the ledger list), with the names a
 * reader of the file needs. Keyset pages on the id, one joined query per page, fetched only
 * when the consumer asks for more: a file of a million movements never sits in memory, and
 * its first rows leave before the last are read. An aborted signal (the client went away)
 * stops before the next query.
 */
export async function* iterateMovements(
  filter: MovementFilter,
  { signal, pageSize = MOVEMENT_PAGE_SIZE }: { signal?: AbortSignal; pageSize?: number } = {},
): AsyncGenerator<MovementExportRow> {
  let before: number | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await db().$queryRaw<RawMovementRow[]>`
      SELECT m."id", m."product_id", m."location_id", m."type", m."quantity", m."balance_after",
             m."unit_cost_cents", m."reason", m."reference", m."transfer_id", m."created_by_id",
             m."created_at", p."sku", p."name" AS "product_name", l."code" AS "location_code",
             u."email" AS "created_by_email"
        FROM "stock_movements" m
        JOIN "products" p ON p."id" = m."product_id"
        JOIN "locations" l ON l."id" = m."location_id"
        LEFT JOIN "users" u ON u."id" = m."created_by_id"
        ${conditions(filter, before)}
       ORDER BY m."id" DESC
       LIMIT ${pageSize}`;
    for (const raw of page) yield toRow(raw);
    if (page.length < pageSize) return;
    before = Number(page.at(-1)!.id);
  }
}
