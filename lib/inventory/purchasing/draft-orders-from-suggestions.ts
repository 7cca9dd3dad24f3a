import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { insertPurchaseOrderDraft } from './insert-purchase-order-draft';
import { listReplenishment } from './list-replenishment';
import { presentPurchaseOrder, type PurchaseOrderRecord } from './present-purchase-order';
import { DEFAULT_USAGE_DAYS, MAX_ORDER_LINES, type DraftFromSuggestionsInput } from './purchase-order-schemas';

/**
 * One DRAFT order per supplier from the replenishment rows (optionally one supplier's only),
 * each line the suggested quantity at the supplier's unit cost (else the product's cost), all
 * in one transaction. Products without a supplier are left for a person to order by hand.
 * A supplier with more suggestions than an order may hold gets several drafts.
 */
export async function draftOrdersFromSuggestions({ input, actorId }: { input: DraftFromSuggestionsInput; actorId: number }): Promise<PurchaseOrderRecord[]> {
  const { data: rows } = await listReplenishment({ days: input.days ?? DEFAULT_USAGE_DAYS, supplierId: input.supplierId });
  const bySupplier = new Map<number, Array<{ productId: number; quantity: number }>>();
  for (const row of rows) {
    if (row.supplierId === null) continue;
    const lines = bySupplier.get(row.supplierId) ?? [];
    lines.push({ productId: row.productId, quantity: row.suggestedQuantity });
    bySupplier.set(row.supplierId, lines);
  }
  if (bySupplier.size === 0) return [];
  return writeTransaction(async (tx) => {
    const orders: PurchaseOrderRecord[] = [];
    for (const [supplierId, lines] of [...bySupplier].sort(([a], [b]) => a - b)) {
      for (let offset = 0; offset < lines.length; offset += MAX_ORDER_LINES) {
        const order = await insertPurchaseOrderDraft(tx, {
          fields: { supplierId, expectedAt: null, reference: null, lines: lines.slice(offset, offset + MAX_ORDER_LINES) },
          actorId,
        });
        await recordAudit(tx, { actorId, action: 'CREATE', entity: 'PurchaseOrder', entityId: order.id, after: presentPurchaseOrder(order) });
        orders.push(order);
      }
    }
    return orders;
  });
}
