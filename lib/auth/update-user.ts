import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { AppError, notFound } from '@/lib/errors';
import { presentUser } from './present';
import type { UpdateUserInput } from './schemas';

/**
 * Changes a user's name, role or disabled flag. The team can never lock itself out: the
 * last enabled ADMIN cannot be demoted or disabled (checked inside the transaction).
 */
export async function updateUser({ id, input, actorId }: { id: number; input: UpdateUserInput; actorId: number | null }): Promise<User> {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound('User');
    const after = await tx.user.update({ where: { id }, data: input });
    const losesAdmin = before.role === 'ADMIN' && !before.disabled && (after.role !== 'ADMIN' || after.disabled);
    if (losesAdmin) {
      const enabledAdmins = await tx.user.count({ where: { role: 'ADMIN', disabled: false } });
      if (enabledAdmins === 0) {
        throw new AppError('CONFLICT', 'This is the last enabled admin: make another admin first.', {
          fieldErrors: { [input.disabled ? 'disabled' : 'role']: 'The last enabled admin must stay an enabled admin' },
        });
      }
    }
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'User', entityId: id, before: presentUser(before), after: presentUser(after) });
    return after;
  });
}
