import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import type { ChangePasswordInput } from './account-schemas';
import { hashPassword, verifyPassword } from './password';
import { refundSignInAttempt, reserveSignInAttempt } from './sign-in-throttle';

/**
 * A person changes their own password. The current one is checked first, and counted like a
 * sign-in attempt (a borrowed session must not become a way to guess it). Every session of the
 * user ends, this one included: the caller signs this one in again with the new password.
 */
export async function changeOwnPassword({ userId, input, client }: { userId: number; input: ChangePasswordInput; client: string }): Promise<User> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) throw notFound('User');
  const reservation = await reserveSignInAttempt({ email: user.email, client });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', 'Your current password is not right.', {
      fieldErrors: { currentPassword: 'This is not your current password' },
    });
  }
  await refundSignInAttempt(reservation);
  const passwordHash = await hashPassword(input.newPassword);
  return writeTransaction(async (tx) => {
    // Only over the password that was checked: an admin's reset (or another change) that
    // landed meanwhile wins, and this stale change is refused rather than written over it.
    const { count } = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash, sessionVersion: user.sessionVersion },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError('CONFLICT', 'Your password or sessions changed meanwhile. Sign in again and retry.');
    await recordAudit(tx, { actorId: userId, action: 'UPDATE', entity: 'User', entityId: userId, after: { password: 'changed', sessions: 'ended' } });
    return tx.user.findUniqueOrThrow({ where: { id: userId } });
  });
}
