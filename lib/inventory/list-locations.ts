import { db } from '@/lib/db/client';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { toSortedPage, type Page, type SortCursor } from '@/lib/pagination';

/** Locations by code (then id), keyset-paginated; live ones unless includeDeleted. */
export async function listLocations({ limit, cursor, includeDeleted }: { limit: number; cursor?: SortCursor; includeDeleted?: boolean }): Promise<Page<Location>> {
  const rows = await db().location.findMany({
    where: {
      ...(includeDeleted ? {} : { deletedAt: null }),
      ...(cursor ? { OR: [{ code: { gt: String(cursor.value) } }, { code: String(cursor.value), id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  return toSortedPage(rows, limit, 'code', (row) => row.code);
}
