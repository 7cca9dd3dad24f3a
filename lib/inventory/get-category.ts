import { db } from '@/lib/db/client';
import type { Category } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';

/** One live category; unknown and soft-deleted ids are 404. */
export async function getCategory({ id }: { id: number }): Promise<Category> {
  const category = await db().category.findFirst({ where: { id, deletedAt: null } });
  if (!category) throw notFound('Category');
  return category;
}
