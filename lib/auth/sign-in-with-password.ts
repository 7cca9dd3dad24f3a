import type { User } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './rate-limit';
import { verifyCredentials } from './verify-credentials';

/**
 * The one path by which an email and password become a user, for the sign-in page and for
 * POST /api/tokens alike: rate limited, and a failure never says which part was wrong.
 */
export async function signInWithPassword({ email, password, client }: { email: string; password: string; client: string }): Promise<User> {
  const key = { email: email.trim().toLowerCase(), client };
  await assertLoginAllowed(key);
  const user = await verifyCredentials({ email: key.email, password });
  if (!user) {
    await recordLoginFailure(key);
    throw new AppError('UNAUTHENTICATED', 'Wrong email or password.');
  }
  await clearLoginFailures(key);
  return user;
}
