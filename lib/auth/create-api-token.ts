import { db } from '@/lib/db/client';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from './tokens';

/** Issues a token for a user. The secret is returned this once and only its hash is kept. */
export async function createApiToken({ userId, name }: { userId: number; name: string }) {
  const secret = generateTokenSecret();
  const token = await db().apiToken.create({
    data: { userId, name, tokenHash: hashTokenSecret(secret), prefix: displayPrefix(secret) },
  });
  return { id: token.id, name: token.name, token: secret };
}
