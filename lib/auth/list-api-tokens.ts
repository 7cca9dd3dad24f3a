import { db } from '@/lib/db/client';
import type { ApiToken } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page, type PageQuery } from '@/lib/pagination';

/** A user's tokens that still work (neither revoked nor expired), newest first. */
export async function listApiTokens({ userId, limit, cursor, now = new Date() }: { userId: number; now?: Date } & PageQuery): Promise<Page<ApiToken>> {
  const rows = await db().apiToken.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return toPage(rows, limit);
}
