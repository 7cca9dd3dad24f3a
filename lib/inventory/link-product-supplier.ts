import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';
import { assertLinkEndsLive } from './catalog-support';
import { presentProductSupplier, type ProductSupplierRecord } from './present-product';
import { moneySchema, optionalTextSchema } from './schema-parts';
import { PRODUCT_SUPPLIER_LIMITS } from './field-limits';

/** `PUT /api/products/{id}/suppliers/{supplierId}`: the whole link (omitted optional fields are cleared). */
export const productSupplierLinkSchema = z.strictObject({
  leadTimeDays: z
    .number({ message: 'Lead time must be a whole number of days' })
    .int('Lead time must be a whole number of days')
    .min(0, 'Lead time must be 0 or more days')
    .max(365, 'Lead time must be at most 365 days'),
  unitCost: moneySchema({ min: 'nonNegative', label: 'Unit cost' })
    .nullish()
    .transform((value) => value ?? null),
  supplierSku: optionalTextSchema('Supplier SKU', PRODUCT_SUPPLIER_LIMITS.supplierSku),
  preferred: z.boolean({ message: 'preferred must be true or false' }).default(false),
});

export type ProductSupplierLinkInput = z.output<typeof productSupplierLinkSchema>;

/**
 * Links a supplier to a product or replaces the link (PUT semantics). Marking it preferred
 * un-prefers the product's other links in the same transaction, so a product has at most one
 * preferred supplier. Unknown or deleted product or supplier: 404.
 */
export async function linkProductSupplier({
  productId,
  supplierId,
  input,
  actorId,
}: {
  productId: number;
  supplierId: number;
  input: ProductSupplierLinkInput;
  actorId: number | null;
}): Promise<ProductSupplierRecord> {
  await assertLinkEndsLive(db(), productId, supplierId);
  const data = { leadTimeDays: input.leadTimeDays, unitCostCents: input.unitCost, supplierSku: input.supplierSku, preferred: input.preferred };
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      // First statement, a write: update the link if it exists, else create it.
      const updated = await tx.productSupplier.updateMany({ where: { productId, supplierId }, data: { ...data, updatedAt: now } });
      if (updated.count === 0) {
        await tx.productSupplier.create({ data: { productId, supplierId, ...data, createdAt: now, updatedAt: now } });
      }
      // Checked again under the transaction: either end may have been deleted meanwhile.
      await assertLinkEndsLive(tx, productId, supplierId);
      if (input.preferred) {
        await tx.productSupplier.updateMany({
          where: { productId, supplierId: { not: supplierId }, preferred: true },
          data: { preferred: false, updatedAt: now },
        });
      }
      const link = await tx.productSupplier.findUniqueOrThrow({
        where: { productId_supplierId: { productId, supplierId } },
        include: { supplier: { select: { name: true } } },
      });
      await recordAudit(tx, {
        actorId,
        action: updated.count === 0 ? 'CREATE' : 'UPDATE',
        entity: 'ProductSupplier',
        entityId: productId,
        after: { productId, ...presentProductSupplier(link) },
      });
      return link;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'This link was created by another request at the same time. Please try again.');
    }
    throw error;
  }
}
