import { db } from '@/lib/db/client';
import type { Supplier } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';

/** One live supplier; unknown and soft-deleted ids are 404. */
export async function getSupplier({ id }: { id: number }): Promise<Supplier> {
  const supplier = await db().supplier.findFirst({ where: { id, deletedAt: null } });
  if (!supplier) throw notFound('Supplier');
  return supplier;
}
