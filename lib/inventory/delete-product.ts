import { recordAudit } from '@/lib/audit';
import type { Product } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { notFound } from '@/lib/errors';
import { presentProduct } from './present-product';
import { findStockHeld, stockHeldConflict } from './stock-held';

/**
 * Soft-deletes a product: sets deletedAt and keeps everything else (its ledger, stock levels,
 * supplier links and its SKU, which stays taken). Its unresolved low-stock alert is resolved
 * in the same transaction, since nobody will reorder a product that is gone. A product still
 * holding stock anywhere is refused (409 naming the units left; see stock-held.ts), checked
 * after the first write so that no receipt can slip in between the check and the delete.
 */
export async function deleteProduct({ id, actorId }: { id: number; actorId: number | null }): Promise<Product> {
  return writeTransaction(async (tx) => {
    const now = new Date();
    const deleted = await tx.product.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now, updatedAt: now } });
    if (deleted.count === 0) throw notFound('Product');
    const [held] = await findStockHeld(tx, [id]);
    if (held) throw stockHeldConflict(held);
    const after = await tx.product.findUniqueOrThrow({ where: { id } });
    await tx.inventoryAlert.updateMany({
      where: { productId: id, status: { in: ['ACTIVE', 'DISMISSED'] } },
      data: { status: 'RESOLVED', resolvedAt: now },
    });
    await recordAudit(tx, {
      actorId,
      action: 'DELETE',
      entity: 'Product',
      entityId: id,
      before: { ...presentProduct(after), deletedAt: null },
      after: presentProduct(after),
    });
    return after;
  });
}
