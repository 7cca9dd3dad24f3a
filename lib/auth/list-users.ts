import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page, type PageQuery } from '@/lib/pagination';

export async function listUsers({ limit, cursor }: PageQuery): Promise<Page<User>> {
  const rows = await db().user.findMany({
    where: cursor ? { id: { gt: cursor } } : undefined,
    orderBy: { id: 'asc' },
    take: limit + 1,
  });
  return toPage(rows, limit);
}
