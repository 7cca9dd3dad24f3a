import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { priceOrderLines, requireLiveSupplier, resolveOrderLocation } from './insert-purchase-order-draft';
import { lockPurchaseOrder } from './lock-purchase-order';
import { presentPurchaseOrder, purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';
import type { UpdatePurchaseOrderInput } from './purchase-order-schemas';

/**
 * Changes a DRAFT order (409 once it is ordered or cancelled): supplier, location, dates,
 * reference, and `lines`, which replace all of the draft's lines (unit costs left out are
 * priced again from the supplier's link, else the product's cost).
 */
export async function updatePurchaseOrder({ id, input, actorId }: { id: number; input: UpdatePurchaseOrderInput; actorId: number }): Promise<PurchaseOrderRecord> {
  return writeTransaction(async (tx) => {
    const before = await lockPurchaseOrder(tx, { id, allowed: ['DRAFT'], doing: 'change' });
    const supplierId = input.supplierId ?? before.supplierId;
    if (input.supplierId !== undefined) await requireLiveSupplier(tx, input.supplierId);
    const locationId = input.locationId === undefined ? undefined : await resolveOrderLocation(tx, input.locationId);
    const lines = input.lines === undefined ? undefined : await priceOrderLines(tx, supplierId, input.lines);
    if (lines) await tx.purchaseOrderLine.deleteMany({ where: { purchaseOrderId: id } });
    const after = await tx.purchaseOrder.update({
      where: { id },
      data: {
        supplierId,
        ...(locationId === undefined ? {} : { locationId }),
        ...(input.expectedAt === undefined ? {} : { expectedAt: input.expectedAt }),
        ...(input.reference === undefined ? {} : { reference: input.reference }),
        ...(lines ? { lines: { create: lines } } : {}),
      },
      include: purchaseOrderInclude,
    });
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'PurchaseOrder', entityId: id, before: presentPurchaseOrder(before), after: presentPurchaseOrder(after) });
    return after;
  });
}
