import { signIn } from './config';

/**
 * After one's own password change has ended every session, the browser that made the change
 * signs in again with the new password, so only the others are sent to the sign-in page.
 */
export async function renewSession({ email, password }: { email: string; password: string }): Promise<void> {
  await signIn('credentials', { email, password, redirect: false });
}
