import { db } from '@/lib/db/client';
import type { z } from 'zod';
import type { newApiTokenSchema } from './schemas';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a token for a user, valid for `expiresInDays` days, read-only or with the owner's
 * whole role. The secret is returned this once and only its hash is kept.
 */
export async function createApiToken({
  userId,
  name,
  expiresInDays,
  scope,
  now = new Date(),
}: {
  userId: number;
  name: string;
  expiresInDays: number;
  scope: 'read' | 'write';
  now?: Date;
}): Promise<z.output<typeof newApiTokenSchema>> {
  const secret = generateTokenSecret();
  const token = await db().apiToken.create({
    data: {
      userId,
      name,
      scope,
      expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
      tokenHash: hashTokenSecret(secret),
      prefix: displayPrefix(secret),
    },
  });
  return { id: token.id, name: token.name, token: secret, scope: token.scope, expiresAt: token.expiresAt.toISOString() };
}
