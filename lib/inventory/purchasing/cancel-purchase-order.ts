import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { changeOnOrder, lockPurchaseOrder } from './lock-purchase-order';
import { presentPurchaseOrder, purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';

/**
 * DRAFT, or ORDERED with nothing received, -> CANCELLED (409 otherwise: once goods have come
 * in, the order is finished by receiving it). An ordered one gives back its units on order.
 */
export async function cancelPurchaseOrder({ id, actorId }: { id: number; actorId: number }): Promise<PurchaseOrderRecord> {
  return writeTransaction(async (tx) => {
    const before = await lockPurchaseOrder(tx, { id, allowed: ['DRAFT', 'ORDERED'], doing: 'cancel' });
    if (before.status === 'ORDERED') await changeOnOrder(tx, before.lines.map((line) => ({ productId: line.productId, delta: -line.quantity })));
    const after = await tx.purchaseOrder.update({ where: { id }, data: { status: 'CANCELLED', closedAt: new Date() }, include: purchaseOrderInclude });
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'PurchaseOrder', entityId: id, before: presentPurchaseOrder(before), after: presentPurchaseOrder(after) });
    return after;
  });
}
