import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Supplier } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { presentSupplier } from './present-catalog';
import { SUPPLIER_NAME_TAKEN, type UpdateSupplierInput } from './supplier-schemas';

/** Changes a live supplier (404 when unknown or deleted; 409 on a live duplicate name). */
export async function updateSupplier({ id, input, actorId }: { id: number; input: UpdateSupplierInput; actorId: number | null }): Promise<Supplier> {
  try {
    return await writeTransaction(async (tx) => {
      // The first statement is a write: it takes the lock (SQLite) or the row (PostgreSQL) before reading.
      const locked = await tx.supplier.updateMany({ where: { id, deletedAt: null }, data: { updatedAt: new Date() } });
      if (locked.count === 0) throw notFound('Supplier');
      const before = await tx.supplier.findUniqueOrThrow({ where: { id } });
      const after = await tx.supplier.update({ where: { id }, data: { ...input, ...(input.name !== undefined ? { nameKey: nameKey(input.name) } : {}) } });
      await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'Supplier', entityId: id, before: presentSupplier(before), after: presentSupplier(after) });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${SUPPLIER_NAME_TAKEN}.`, { fieldErrors: { name: SUPPLIER_NAME_TAKEN } });
    throw error;
  }
}
