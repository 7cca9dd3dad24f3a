import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page } from '@/lib/pagination';
import { pageMovementIds, type MovementFilter } from './list-movements';

const withNames = {
  product: { select: { id: true, sku: true, name: true, deletedAt: true } },
  location: { select: { id: true, code: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.StockMovementInclude;

/** A ledger row as people read it: the movement with its product, location and author named. */
export type LedgerEntry = Prisma.StockMovementGetPayload<{ include: typeof withNames }>;

/**
 * The ledger for the pages: the same filter, order (newest first) and keyset cursor as
 * listMovements (GET /api/stock-movements), with the names a table shows: the page's ids
 * first (see pageMovementIds), then its rows with their names in one query.
 */
export async function listLedgerEntries({ filter, limit, cursor }: { filter: MovementFilter; limit: number; cursor?: number }): Promise<Page<LedgerEntry>> {
  const ids = await pageMovementIds({ filter, limit, cursor });
  const rows = ids.length > 0 ? await db().stockMovement.findMany({ where: { id: { in: ids } }, orderBy: { id: 'desc' }, include: withNames }) : [];
  return toPage(rows, limit);
}
