import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Category } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { CATEGORY_NAME_TAKEN, type UpdateCategoryInput } from './category-schemas';
import { presentCategory } from './present-catalog';

/** Renames or re-describes a live category (404 when unknown or deleted; 409 on a live duplicate name). */
export async function updateCategory({ id, input, actorId }: { id: number; input: UpdateCategoryInput; actorId: number | null }): Promise<Category> {
  try {
    return await writeTransaction(async (tx) => {
      // The first statement is a write: it takes the lock (SQLite) or the row (PostgreSQL) before reading.
      const locked = await tx.category.updateMany({ where: { id, deletedAt: null }, data: { updatedAt: new Date() } });
      if (locked.count === 0) throw notFound('Category');
      const before = await tx.category.findUniqueOrThrow({ where: { id } });
      const after = await tx.category.update({ where: { id }, data: { ...input, ...(input.name !== undefined ? { nameKey: nameKey(input.name) } : {}) } });
      await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'Category', entityId: id, before: presentCategory(before), after: presentCategory(after) });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${CATEGORY_NAME_TAKEN}.`, { fieldErrors: { name: CATEGORY_NAME_TAKEN } });
    throw error;
  }
}
