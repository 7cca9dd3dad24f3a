import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound } from '@/lib/errors';
import type { SetPasswordInput } from './account-schemas';
import { hashPassword } from './password';

/** An ADMIN sets a user's password (a forgotten one): every session of that user ends. */
export async function setUserPassword({ id, input, actorId }: { id: number; input: SetPasswordInput; actorId: number }): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (count === 0) throw notFound('User');
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'User', entityId: id, after: { password: 'set by an admin', sessions: 'ended' } });
  });
}
