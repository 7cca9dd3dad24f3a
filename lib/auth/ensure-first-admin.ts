import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { hashPassword } from './password';

/**
 * On start, when no user exists yet and ADMIN_EMAIL / ADMIN_PASSWORD are set, creates that
 * admin. Two processes starting together both try; the unique email lets only one succeed.
 */
export async function ensureFirstAdmin({ email, password }: { email: string; password: string }): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  if ((await db().user.count()) > 0) return false;
  try {
    await db().user.create({
      data: { email: email.trim().toLowerCase(), name: 'Administrator', role: 'ADMIN', passwordHash },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
