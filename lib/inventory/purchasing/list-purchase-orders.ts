import { db } from '@/lib/db/client';
import { toPage, type Page } from '@/lib/pagination';
import { purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';
import type { PurchaseOrderStatus } from './purchase-order-schemas';

/** Orders newest first, of one status and/or one supplier when asked. */
export async function listPurchaseOrders({
  status,
  supplierId,
  limit,
  cursor,
}: {
  status?: PurchaseOrderStatus;
  supplierId?: number;
  limit: number;
  cursor?: number;
}): Promise<Page<PurchaseOrderRecord>> {
  const rows = await db().purchaseOrder.findMany({
    where: { ...(status ? { status } : {}), ...(supplierId ? { supplierId } : {}), ...(cursor ? { id: { lt: cursor } } : {}) },
    include: purchaseOrderInclude,
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return toPage(rows, limit);
}
