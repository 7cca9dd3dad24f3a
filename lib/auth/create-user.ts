import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import { writeTransaction } from '@/lib/db/write-transaction';
import type { User } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';
import { hashPassword } from './password';
import { presentUser } from './present';
import type { CreateUserInput } from './schemas';

export async function createUser({ input, actorId }: { input: CreateUserInput; actorId: number | null }): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await writeTransaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
      });
      await recordAudit(tx, { actorId, action: 'CREATE', entity: 'User', entityId: user.id, after: presentUser(user) });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'A user with this email already exists.', {
        fieldErrors: { email: 'A user with this email already exists' },
      });
    }
    throw error;
  }
}
