import type { User } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';
import { refundSignInAttempt, reserveSignInAttempt } from './sign-in-throttle';
import { verifyCredentials } from './verify-credentials';

/**
 * The one path by which an email and password become a user, for the sign-in page and for
 * POST /api/tokens alike: the attempt is counted before the password is checked (and given
 * back when it was right), and a failure never says which part was wrong.
 */
export async function signInWithPassword({ email, password, client }: { email: string; password: string; client: string }): Promise<User> {
  const normalisedEmail = email.trim().toLowerCase();
  const reservation = await reserveSignInAttempt({ email: normalisedEmail, client });
  const user = await verifyCredentials({ email: normalisedEmail, password });
  if (!user) throw new AppError('UNAUTHENTICATED', 'Wrong email or password.');
  await refundSignInAttempt(reservation);
  return user;
}
