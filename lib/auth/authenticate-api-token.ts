import { db } from '@/lib/db/client';
import type { ApiToken, User } from '@/lib/db/generated/sqlite/client';
import { hashTokenSecret, looksLikeTokenSecret } from './tokens';

/** How stale lastUsedAt may get before it is written again: no write on every API call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenOwner = Pick<User, 'id' | 'email' | 'name' | 'role'>;

/**
 * The enabled owner of a token that is neither revoked nor expired, with the token's scope; or
 * null. One query reads the token and its owner together on every call (no cache): a revoked
 * token, a disabled owner or a changed role counts from the next request, in every process.
 */
export async function authenticateApiToken({ secret, now = new Date() }: { secret: string; now?: Date }): Promise<{ user: TokenOwner; scope: ApiToken['scope'] } | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const [token] = await db().$queryRaw<Array<{ token_id: number | bigint; scope: ApiToken['scope']; user_id: number | bigint; email: string; name: string; role: User['role']; stale: number | bigint | boolean }>>`
    SELECT "t"."id" AS "token_id", "t"."scope", "u"."id" AS "user_id", "u"."email", "u"."name", "u"."role",
           CASE WHEN "t"."last_used_at" IS NULL OR "t"."last_used_at" < ${staleBefore} THEN 1 ELSE 0 END AS "stale"
      FROM "api_tokens" AS "t" JOIN "users" AS "u" ON "u"."id" = "t"."user_id"
     WHERE "t"."token_hash" = ${hashTokenSecret(secret)} AND "t"."revoked_at" IS NULL AND "t"."expires_at" > ${now} AND NOT "u"."disabled"`;
  if (!token) return null;
  if (Number(token.stale) === 1) {
    await db().apiToken.update({ where: { id: Number(token.token_id) }, data: { lastUsedAt: now } });
  }
  return { user: { id: Number(token.user_id), email: token.email, name: token.name, role: token.role }, scope: token.scope };
}
