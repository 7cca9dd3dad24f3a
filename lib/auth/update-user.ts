import { recordAudit } from '@/lib/audit';
import { databaseEngine, type Transaction } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import { presentUser } from './present';
import type { UpdateUserInput } from './schemas';

/**
 * Takes the lock that makes "is another admin left?" a question only one transaction asks at a
 * time. PostgreSQL: the enabled admins' rows, locked FOR NO KEY UPDATE, so two admins demoted at
 * the same moment are decided one after the other (the second sees the first's commit), while
 * a movement's foreign-key check on a user row (KEY SHARE) is not blocked and cannot deadlock with it. SQLite:
 * a write as the first statement takes the database's single write lock (and a deferred
 * transaction that read first could not safely upgrade to a writer later).
 */
async function lockAdmins(tx: Transaction): Promise<void> {
  if (databaseEngine() === 'postgresql') {
    await tx.$queryRaw`SELECT "id" FROM "users" WHERE "role" = 'ADMIN' AND "disabled" = false ORDER BY "id" FOR NO KEY UPDATE`;
  } else {
    await tx.$executeRaw`UPDATE "users" SET "role" = "role" WHERE "role" = 'ADMIN' AND "disabled" = false`;
  }
}

/**
 * Changes a user's name, role or disabled flag. The team can never lock itself out: the
 * last enabled ADMIN cannot be demoted or disabled, however many such changes run at once.
 * Disabling ends the user's sessions for good: enabling them again does not bring those back.
 */
export async function updateUser({ id, input, actorId }: { id: number; input: UpdateUserInput; actorId: number | null }): Promise<User> {
  return writeTransaction(async (tx) => {
    await lockAdmins(tx);
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound('User');
    const endsSessions = input.disabled === true && !before.disabled;
    const after = await tx.user.update({ where: { id }, data: { ...input, ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}) } });
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
