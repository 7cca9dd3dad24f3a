import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';

/** Revokes one of the user's own tokens; someone else's token is "not found", not "forbidden". */
export async function revokeApiToken({ userId, tokenId }: { userId: number; tokenId: number }): Promise<void> {
  const { count } = await db().apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound('API token');
}
