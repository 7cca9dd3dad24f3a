import { logger } from '@/lib/logger';
import { signIn } from './config';

/**
 * After one's own password change has ended every session, the browser that made the change
 * signs in again with the new password, so only the others are sent to the sign-in page.
 * The change itself is already committed: if signing in again fails (throttled, database
 * busy), the person is simply asked to sign in, never told that the change failed.
 */
export async function renewSession({ email, password }: { email: string; password: string }): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    logger().warn({ err: error }, 'password changed, but this browser could not be signed in again');
  }
}
