import { recordAudit } from '@/lib/audit';
import type { Category } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound } from '@/lib/errors';
import { presentCategory } from './present-catalog';

/**
 * Soft-deletes a category (sets deletedAt; its name becomes free for a new live category).
 * Its products keep their categoryId, so history and reports still say where they belonged;
 * a deleted category can no longer be given to a product (400), and the UI shows it as deleted.
 */
export async function deleteCategory({ id, actorId }: { id: number; actorId: number | null }): Promise<Category> {
  return writeTransaction(async (tx) => {
    const now = new Date();
    const deleted = await tx.category.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now } });
    if (deleted.count === 0) throw notFound('Category');
    const after = await tx.category.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, {
      actorId,
      action: 'DELETE',
      entity: 'Category',
      entityId: id,
      before: { ...presentCategory(after), deletedAt: null },
      after: presentCategory(after),
    });
    return after;
  });
}
