import { db } from '@/lib/db/client';
import type { ApiToken } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page, type PageQuery } from '@/lib/pagination';

/** A user's own tokens that are still valid, newest first. */
export async function listApiTokens({ userId, limit, cursor }: { userId: number } & PageQuery): Promise<Page<ApiToken>> {
  const rows = await db().apiToken.findMany({
    where: { userId, revokedAt: null, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return toPage(rows, limit);
}
