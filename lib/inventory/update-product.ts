import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Product } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound, validationFailed } from '@/lib/errors';
import { assertCategoryLive, productUniqueConflict } from './catalog-support';
import { productUpdateData } from './product-data';
import { REORDER_BELOW_SAFETY, type UpdateProductInput } from './product-schemas';
import { presentProduct } from './present-product';
import { reconcileAlerts } from './reconcile-alert';

/**
 * A partial update of a live product (404 when unknown or deleted), in one transaction whose
 * first statement writes the product row (SQLite's write lock, PostgreSQL's row lock), so
 * nothing read next can change underneath. A new category must be live (400 categoryId);
 * the reorder rule is checked on the stored values merged with the change (400
 * reorderLevel); when the reorder level changes, the product's low-stock alert opens or
 * resolves. A refusal throws and rolls everything back.
 */
export async function updateProduct({ id, input, actorId }: { id: number; input: UpdateProductInput; actorId: number | null }): Promise<Product> {
  const data = productUpdateData(input);
  // Nothing to change: answer the product as it is (still 404 when unknown or deleted).
  if (Object.keys(data).length === 0) {
    const product = await db().product.findFirst({ where: { id, deletedAt: null } });
    if (!product) throw notFound('Product');
    return product;
  }
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      const locked = await tx.product.updateMany({ where: { id, deletedAt: null }, data: { updatedAt: now } });
      if (locked.count === 0) throw notFound('Product');
      const before = await tx.product.findUniqueOrThrow({ where: { id } });
      // Before the UPDATE: a category id that never existed would fail its foreign key there.
      if (input.categoryId !== undefined && input.categoryId !== null && input.categoryId !== before.categoryId) {
        await assertCategoryLive(tx, input.categoryId);
      }
      const after = await tx.product.update({ where: { id }, data: { ...data, updatedAt: now } });
      if (after.reorderLevel < after.safetyStock) {
        throw validationFailed(
          { reorderLevel: REORDER_BELOW_SAFETY },
          `Reorder level (${after.reorderLevel}) must be at least the safety stock (${after.safetyStock}).`,
        );
      }
      if (after.reorderLevel !== before.reorderLevel) {
        await reconcileAlerts(tx, { products: [{ productId: id, onHand: after.onHand, reorderLevel: after.reorderLevel }], now });
      }
      await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'Product', entityId: id, before: presentProduct(before), after: presentProduct(after) });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await productUniqueConflict(db(), { barcode: input.barcode, exceptId: id });
    throw error;
  }
}
