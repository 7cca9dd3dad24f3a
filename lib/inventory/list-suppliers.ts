import { db } from '@/lib/db/client';
import type { Supplier } from '@/lib/db/generated/sqlite/client';
import { toSortedPage, type Page, type SortCursor } from '@/lib/pagination';

/** Suppliers by name (then id), keyset-paginated; live ones unless includeDeleted. */
export async function listSuppliers({ limit, cursor, includeDeleted }: { limit: number; cursor?: SortCursor; includeDeleted?: boolean }): Promise<Page<Supplier>> {
  const rows = await db().supplier.findMany({
    where: {
      ...(includeDeleted ? {} : { deletedAt: null }),
      ...(cursor ? { OR: [{ name: { gt: String(cursor.value) } }, { name: String(cursor.value), id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  return toSortedPage(rows, limit, 'name', (row) => row.name);
}
