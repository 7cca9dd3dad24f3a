import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Product } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { assertCategoryLive, productUniqueConflict } from './catalog-support';
import { productCreateData } from './product-data';
import type { CreateProductInput } from './product-schemas';
import { presentProduct } from './present-product';
import { reconcileAlerts } from './reconcile-alert';

/**
 * Creates a product with no stock (stock arrives through the ledger). The SKU is unique
 * ignoring case among all products, deleted ones included (the skuKey unique index: 409), and
 * the barcode, if any, among live products (a partial unique index: 409 on barcode);
 * the category, if any, must be live (400 on categoryId). A new product's reorder level
 * cannot be above its zero on-hand without an alert, so one opens in the same transaction.
 */
export async function createProduct({ input, actorId }: { input: CreateProductInput; actorId: number | null }): Promise<Product> {
  if (input.categoryId !== null) await assertCategoryLive(db(), input.categoryId);
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      const product = await tx.product.create({ data: { ...productCreateData(input), createdAt: now, updatedAt: now } });
      // Checked again under the transaction: the category may have been deleted meanwhile.
      if (input.categoryId !== null) await assertCategoryLive(tx, input.categoryId);
      await reconcileAlerts(tx, { products: [{ productId: product.id, onHand: product.onHand, reorderLevel: product.reorderLevel }], now });
      await recordAudit(tx, { actorId, action: 'CREATE', entity: 'Product', entityId: product.id, after: presentProduct(product) });
      return product;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await productUniqueConflict(db(), { barcode: input.barcode });
    throw error;
  }
}
