import { recordAudit } from '@/lib/audit';
import type { User } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import type { UpdateMeInput } from './account-schemas';

/** One's own name and low-stock email preference. */
export async function updateMe({ userId, input }: { userId: number; input: UpdateMeInput }): Promise<User> {
  return writeTransaction(async (tx) => {
    const after = await tx.user.update({ where: { id: userId }, data: input });
    await recordAudit(tx, { actorId: userId, action: 'UPDATE', entity: 'User', entityId: userId, after: input });
    return after;
  });
}
