import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import type { Product } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';
import { presentProduct } from './present-product';
import { idParamSchema } from './schema-parts';
import { findStockHeld, stockHeldBulkConflict } from './stock-held';

/** One page of the product list at the most: a bulk delete is a person ticking rows, not a purge. */
export const MAX_BULK_DELETE = 100;

export const deleteProductsSchema = z.object({
  ids: z
    .array(idParamSchema)
    .min(1, 'Select at least one product')
    .max(MAX_BULK_DELETE, `Select at most ${MAX_BULK_DELETE} products at a time`)
    .transform((ids) => [...new Set(ids)]),
});

export type DeleteProductsInput = z.infer<typeof deleteProductsSchema>;

/**
 * Soft-deletes several products, all or none, under the same rules as deleteProduct: none may
 * hold stock (409 naming each one and its units), the ledger and stock levels stay, the SKUs
 * stay taken, and each product's unresolved low-stock alert is resolved. Each product gets
 * its own audit row.
 *
 * The write comes first (SQLite's rule for writeTransaction) and is the re-check: only rows
 * still live are touched, so if any product was deleted or never existed in the meantime the
 * count falls short and the whole transaction rolls back, naming the products missing. The
 * stock check follows that write, under the products' row locks, as in deleteProduct.
 */
export async function deleteProducts({ input, actorId }: { input: DeleteProductsInput; actorId: number | null }): Promise<Product[]> {
  const { ids } = input;
  return writeTransaction(async (tx) => {
    const now = new Date();
    const deleted = await tx.product.updateMany({ where: { id: { in: ids }, deletedAt: null }, data: { deletedAt: now, updatedAt: now } });
    const after = await tx.product.findMany({ where: { id: { in: ids }, deletedAt: now }, orderBy: { id: 'asc' } });
    if (deleted.count !== ids.length) {
      const found = new Set(after.map((product) => product.id));
      const missing = ids.filter((id) => !found.has(id));
      throw new AppError('NOT_FOUND', `${missing.length === 1 ? 'A product was' : `${missing.length} products were`} already deleted or no longer exist. Nothing was deleted; reload the list.`, {
        fieldErrors: Object.fromEntries(missing.map((id) => [`ids.${ids.indexOf(id)}`, 'Product not found'])),
      });
    }
    const held = await findStockHeld(tx, ids);
    if (held.length > 0) throw stockHeldBulkConflict(held, ids);
    await tx.inventoryAlert.updateMany({
      where: { productId: { in: ids }, status: { in: ['ACTIVE', 'DISMISSED'] } },
      data: { status: 'RESOLVED', resolvedAt: now },
    });
    for (const product of after) {
      await recordAudit(tx, {
        actorId,
        action: 'DELETE',
        entity: 'Product',
        entityId: product.id,
        before: { ...presentProduct(product), deletedAt: null },
        after: presentProduct(product),
      });
    }
    return after;
  });
}
