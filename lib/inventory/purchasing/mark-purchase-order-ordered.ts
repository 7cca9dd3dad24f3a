import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { changeOnOrder, lockPurchaseOrder } from './lock-purchase-order';
import { presentPurchaseOrder, purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';

/** DRAFT -> ORDERED (409 from any other status): its lines count as on order from now on. */
export async function markPurchaseOrderOrdered({ id, actorId }: { id: number; actorId: number }): Promise<PurchaseOrderRecord> {
  return writeTransaction(async (tx) => {
    const before = await lockPurchaseOrder(tx, { id, allowed: ['DRAFT'], doing: 'order' });
    await changeOnOrder(tx, before.lines.map((line) => ({ productId: line.productId, delta: line.quantity })));
    const after = await tx.purchaseOrder.update({ where: { id }, data: { status: 'ORDERED', orderedAt: new Date() }, include: purchaseOrderInclude });
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'PurchaseOrder', entityId: id, before: presentPurchaseOrder(before), after: presentPurchaseOrder(after) });
    return after;
  });
}
