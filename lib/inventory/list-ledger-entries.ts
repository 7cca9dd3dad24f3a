import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page } from '@/lib/pagination';
import { pageMovementIds, type ListedMovement, type MovementFilter } from './list-movements';

const withNames = {
  product: { select: { id: true, sku: true, name: true, deletedAt: true } },
  location: { select: { id: true, code: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.StockMovementInclude;

/** A ledger row as people read it: the movement with its product, location and author named, and whether it is archived. */
export type LedgerEntry = Prisma.StockMovementGetPayload<{ include: typeof withNames }> & { archived: boolean };

/** Names for archived rows, which have no relations: one query per kind of name. */
async function nameArchivedRows(rows: ListedMovement[]): Promise<LedgerEntry[]> {
  const ids = (pick: (row: ListedMovement) => number | null) => [...new Set(rows.map(pick).filter((id): id is number => id !== null))];
  const [products, locations, users] = await Promise.all([
    db().product.findMany({ where: { id: { in: ids((row) => row.productId) } }, select: withNames.product.select }),
    db().location.findMany({ where: { id: { in: ids((row) => row.locationId) } }, select: withNames.location.select }),
    db().user.findMany({ where: { id: { in: ids((row) => row.createdById) } }, select: { id: true, name: true } }),
  ]);
  const product = new Map(products.map((row) => [row.id, row]));
  const location = new Map(locations.map((row) => [row.id, row]));
  const user = new Map(users.map((row) => [row.id, { name: row.name }]));
  return rows.map((row) => ({
    ...row,
    product: product.get(row.productId)!,
    location: location.get(row.locationId)!,
    createdBy: row.createdById === null ? null : (user.get(row.createdById) ?? null),
  }));
}

/**
 * The ledger for the pages: the same filter, order (newest first) and keyset cursor as
 * listMovements (GET /api/stock-movements), with the names a table shows: the page's ids
 * first (see pageMovementIds), then its rows with their names in one query (and, when the
 * filter includes archived rows, those rows and their names).
 */
export async function listLedgerEntries({ filter, limit, cursor }: { filter: MovementFilter; limit: number; cursor?: number }): Promise<Page<LedgerEntry>> {
  const ids = await pageMovementIds({ filter, limit, cursor });
  if (ids.length === 0) return toPage([], limit);
  const live = await db().stockMovement.findMany({ where: { id: { in: ids } }, orderBy: { id: 'desc' }, include: withNames });
  const rows: LedgerEntry[] = live.map((row) => ({ ...row, archived: false }));
  if (live.length < ids.length) {
    const found = new Set(live.map((row) => row.id));
    const archived = await db().stockMovementArchive.findMany({ where: { id: { in: ids.filter((id) => !found.has(id)) } } });
    rows.push(...(await nameArchivedRows(archived.map((row) => ({ ...row, archived: true })))));
  }
  return toPage(rows.sort((x, y) => y.id - x.id), limit);
}
