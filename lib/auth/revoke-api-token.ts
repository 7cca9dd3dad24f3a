import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';

/**
 * Revokes a token: one's own, or anyone's when `anyOwner` (an ADMIN). Someone else's token is
 * "not found" to everyone else, not "forbidden": its existence is not theirs to learn.
 */
export async function revokeApiToken({ userId, tokenId, anyOwner = false }: { userId: number; tokenId: number; anyOwner?: boolean }): Promise<void> {
  const { count } = await db().apiToken.updateMany({
    where: { id: tokenId, revokedAt: null, ...(anyOwner ? {} : { userId }) },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound('API token');
}
