import { recordAudit } from '@/lib/audit';
import type { Supplier } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound } from '@/lib/errors';
import { presentSupplier } from './present-catalog';

/**
 * Soft-deletes a supplier (sets deletedAt; its name becomes free again). Its product links
 * are kept as history but no longer shown on products, and nothing new can be linked to it.
 */
export async function deleteSupplier({ id, actorId }: { id: number; actorId: number | null }): Promise<Supplier> {
  return writeTransaction(async (tx) => {
    const deleted = await tx.supplier.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (deleted.count === 0) throw notFound('Supplier');
    const after = await tx.supplier.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, {
      actorId,
      action: 'DELETE',
      entity: 'Supplier',
      entityId: id,
      before: { ...presentSupplier(after), deletedAt: null },
      after: presentSupplier(after),
    });
    return after;
  });
}
