import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';

/** "Sign out everywhere": every session of the user, on every device, is refused from now on. */
export async function endUserSessions({ userId }: { userId: number }): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: userId, action: 'UPDATE', entity: 'User', entityId: userId, after: { sessions: 'ended' } });
  });
}
