import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { insertPurchaseOrderDraft } from './insert-purchase-order-draft';
import { presentPurchaseOrder, type PurchaseOrderRecord } from './present-purchase-order';
import type { CreatePurchaseOrderInput } from './purchase-order-schemas';

/** A new DRAFT purchase order with the next number (404 for an unknown supplier, location or product). */
export async function createPurchaseOrder({ input, actorId }: { input: CreatePurchaseOrderInput; actorId: number }): Promise<PurchaseOrderRecord> {
  return writeTransaction(async (tx) => {
    const order = await insertPurchaseOrderDraft(tx, { fields: input, actorId });
    await recordAudit(tx, { actorId, action: 'CREATE', entity: 'PurchaseOrder', entityId: order.id, after: presentPurchaseOrder(order) });
    return order;
  });
}
