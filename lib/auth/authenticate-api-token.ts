import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { hashTokenSecret, looksLikeTokenSecret } from './tokens';

/** How stale lastUsedAt may get before it is written again: no write on every API call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The enabled owner of a valid token, or null. */
export async function authenticateApiToken({ secret }: { secret: string }): Promise<User | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    include: { user: true },
  });
  if (!token || token.revokedAt || token.user.disabled) return null;
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
  }
  return token.user;
}
