import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { verifyPassword } from './password';

/** The enabled user with this email and password, or null; the time taken does not tell which part was wrong. */
export async function verifyCredentials({ email, password }: { email: string; password: string }): Promise<User | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches || user.disabled) return null;
  return user;
}
