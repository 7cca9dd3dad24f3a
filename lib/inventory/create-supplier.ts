import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Supplier } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { presentSupplier } from './present-catalog';
import { SUPPLIER_NAME_TAKEN, type CreateSupplierInput } from './supplier-schemas';

/** Creates a supplier; its name is unique among live suppliers after NFC and case folding (a partial unique index on nameKey). */
export async function createSupplier({ input, actorId }: { input: CreateSupplierInput; actorId: number | null }): Promise<Supplier> {
  try {
    return await writeTransaction(async (tx) => {
      const supplier = await tx.supplier.create({ data: { ...input, nameKey: nameKey(input.name) } });
      await recordAudit(tx, { actorId, action: 'CREATE', entity: 'Supplier', entityId: supplier.id, after: presentSupplier(supplier) });
      return supplier;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${SUPPLIER_NAME_TAKEN}.`, { fieldErrors: { name: SUPPLIER_NAME_TAKEN } });
    throw error;
  }
}
