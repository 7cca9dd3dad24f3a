import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Category } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { CATEGORY_NAME_TAKEN, type CreateCategoryInput } from './category-schemas';
import { presentCategory } from './present-catalog';

/** Creates a category; its name is unique among live categories after NFC and case folding (a partial unique index on nameKey). */
export async function createCategory({ input, actorId }: { input: CreateCategoryInput; actorId: number | null }): Promise<Category> {
  try {
    return await writeTransaction(async (tx) => {
      const category = await tx.category.create({ data: { ...input, nameKey: nameKey(input.name) } });
      await recordAudit(tx, { actorId, action: 'CREATE', entity: 'Category', entityId: category.id, after: presentCategory(category) });
      return category;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${CATEGORY_NAME_TAKEN}.`, { fieldErrors: { name: CATEGORY_NAME_TAKEN } });
    throw error;
  }
}
