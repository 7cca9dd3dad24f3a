import { db } from '@/lib/db/client';
import type { Category } from '@/lib/db/generated/sqlite/client';
import { toSortedPage, type Page, type SortCursor } from '@/lib/pagination';

/** Categories by name (then id), keyset-paginated; live ones unless includeDeleted. */
export async function listCategories({ limit, cursor, includeDeleted }: { limit: number; cursor?: SortCursor; includeDeleted?: boolean }): Promise<Page<Category>> {
  const rows = await db().category.findMany({
    where: {
      ...(includeDeleted ? {} : { deletedAt: null }),
      ...(cursor ? { OR: [{ name: { gt: String(cursor.value) } }, { name: String(cursor.value), id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  return toSortedPage(rows, limit, 'name', (row) => row.name);
}
