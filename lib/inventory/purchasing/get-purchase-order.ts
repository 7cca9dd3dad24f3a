import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import { purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';

export async function getPurchaseOrder({ id }: { id: number }): Promise<PurchaseOrderRecord> {
  const order = await db().purchaseOrder.findUnique({ where: { id }, include: purchaseOrderInclude });
  if (!order) throw notFound('Purchase order');
  return order;
}
