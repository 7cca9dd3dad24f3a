import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page } from '@/lib/http/pagination';
import { movementWhere, type MovementFilter } from './list-movements';

const withNames = {
  product: { select: { id: true, sku: true, name: true, deletedAt: true } },
  location: { select: { id: true, code: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.StockMovementInclude;

/** A ledger row as people read it: the movement with its product, location and author named. */
export type LedgerEntry = Prisma.StockMovementGetPayload<{ include: typeof withNames }>;

/**
 * The ledger for the pages: the same filter, order (newest first) and keyset cursor as
 * listMovements (GET /api/stock-movements), with the names a table shows, in one query.
 */
export async function listLedgerEntries({ filter, limit, cursor }: { filter: MovementFilter; limit: number; cursor?: number }): Promise<Page<LedgerEntry>> {
  const rows = await db().stockMovement.findMany({
    where: { ...movementWhere(filter), ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: withNames,
  });
  return toPage(rows, limit);
}
