import { db } from '@/lib/db/client';
import type { ApiToken, User } from '@/lib/db/generated/sqlite/client';
import { hashTokenSecret, looksLikeTokenSecret } from './tokens';

/** How stale lastUsedAt may get before it is written again: no write on every API call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The enabled owner of a token that is neither revoked nor expired, with the token's scope; or null. */
export async function authenticateApiToken({ secret, now = new Date() }: { secret: string; now?: Date }): Promise<{ user: User; scope: ApiToken['scope'] } | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    include: { user: true },
  });
  if (!token || token.revokedAt || token.expiresAt <= now || token.user.disabled) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { user: token.user, scope: token.scope };
}
