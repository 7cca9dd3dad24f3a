import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';

/** The caller's own account row (GET /api/me, the Settings profile). */
export async function getAccount({ userId }: { userId: number }): Promise<User> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw notFound('User');
  return user;
}
