import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { StockMovement } from '@/lib/db/generated/sqlite/client';
import { pageQuerySchema, toPage, type Page } from '@/lib/pagination';
import { shopDateRange, type InstantRange } from '@/lib/time/shop-date-range';
import { MOVEMENT_TYPES } from './movement-schemas';
import { idParamSchema, withDateRange } from './schema-parts';

export const movementFilterSchema = withDateRange({
  productId: idParamSchema.optional(),
  locationId: idParamSchema.optional(),
  type: z.enum(MOVEMENT_TYPES, { message: `type must be one of ${MOVEMENT_TYPES.join(', ')}` }).optional(),
});

export const movementListQuerySchema = z.intersection(pageQuerySchema, movementFilterSchema);

export type MovementFilter = z.output<typeof movementFilterSchema>;

/** The filter's rows, with its days already read in the shop's zone (`range`, from shopDateRange). */
export function movementWhere(filter: MovementFilter, range: InstantRange) {
  return {
    productId: filter.productId,
    locationId: filter.locationId,
    type: filter.type,
    createdAt: range.from || range.toExclusive ? { gte: range.from, lt: range.toExclusive } : undefined,
  };
}

/**
 * The ids of one page of the ledger, newest first, plus one more if a next page exists. Only
 * ids are read here, so a product filter is answered from the (product_id, created_at) index
 * alone: sorting a long history by id then costs index entries, not whole rows scattered over
 * the table (a product with 20,000 movements: ~10x faster on SQLite). The rows of the page
 * are read by id afterwards; movements are immutable, so that second read returns them as
 * they were.
 */
export async function pageMovementIds({ filter, limit, cursor }: { filter: MovementFilter; limit: number; cursor?: number }): Promise<number[]> {
  const rows = await db().stockMovement.findMany({
    where: { ...movementWhere(filter, await shopDateRange(filter)), ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The ledger, newest first, with keyset pagination on the id. */
export async function listMovements({
  filter,
  limit,
  cursor,
}: {
  filter: MovementFilter;
  limit: number;
  cursor?: number;
}): Promise<Page<StockMovement>> {
  const ids = await pageMovementIds({ filter, limit, cursor });
  const rows = ids.length > 0 ? await db().stockMovement.findMany({ where: { id: { in: ids } }, orderBy: { id: 'desc' } }) : [];
  return toPage(rows, limit);
}
