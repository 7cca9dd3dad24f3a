import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';
import { assertLinkEndsLive } from './catalog-support';

/** Removes a product's link to a supplier. 404 when the product, the supplier or the link does not exist. */
export async function unlinkProductSupplier({ productId, supplierId, actorId }: { productId: number; supplierId: number; actorId: number | null }): Promise<void> {
  await writeTransaction(async (tx) => {
    const link = await tx.productSupplier.deleteMany({ where: { productId, supplierId } });
    await assertLinkEndsLive(tx, productId, supplierId);
    if (link.count === 0) throw new AppError('NOT_FOUND', 'This supplier is not linked to the product.');
    await recordAudit(tx, { actorId, action: 'DELETE', entity: 'ProductSupplier', entityId: productId, before: { productId, supplierId } });
  });
}
