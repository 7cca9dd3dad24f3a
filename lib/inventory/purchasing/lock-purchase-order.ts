import type { Transaction } from '@/lib/db/client';
import { AppError, notFound } from '@/lib/errors';
import { formatOrderNumber, purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';
import type { PurchaseOrderStatus } from './purchase-order-schemas';

const STATUS_WORDS: Record<PurchaseOrderStatus, string> = {
  DRAFT: 'a draft',
  ORDERED: 'ordered',
  PARTIALLY_RECEIVED: 'partly received',
  RECEIVED: 'received',
  CANCELLED: 'cancelled',
};

/**
 * Locks an order for a change, as the transaction's first statement: a write (SQLite's lock;
 * PostgreSQL's row lock, which every change of the order and its lines takes first, so two
 * changes of one order run one after the other). Returns the order as it stands under the
 * lock; 404 when unknown, 409 when its status is not one of `allowed`.
 */
export async function lockPurchaseOrder(tx: Transaction, { id, allowed, doing }: { id: number; allowed: PurchaseOrderStatus[]; doing: string }): Promise<PurchaseOrderRecord> {
  const locked = await tx.purchaseOrder.updateMany({ where: { id }, data: { updatedAt: new Date() } });
  if (locked.count === 0) throw notFound('Purchase order');
  const order = await tx.purchaseOrder.findUniqueOrThrow({ where: { id }, include: purchaseOrderInclude });
  if (!allowed.includes(order.status)) {
    throw new AppError('CONFLICT', `Cannot ${doing} ${formatOrderNumber(order.number)}: it is ${STATUS_WORDS[order.status]}.`);
  }
  return order;
}

/**
 * Moves products' units on order by the given amounts, in ascending product id (the order in
 * which the ledger locks products, so this cannot deadlock with a posting on PostgreSQL).
 */
export async function changeOnOrder(tx: Transaction, changes: Array<{ productId: number; delta: number }>): Promise<void> {
  const byProduct = new Map<number, number>();
  for (const { productId, delta } of changes) byProduct.set(productId, (byProduct.get(productId) ?? 0) + delta);
  for (const [productId, delta] of [...byProduct].sort(([a], [b]) => a - b)) {
    if (delta === 0) continue;
    await tx.$executeRaw`UPDATE "products" SET "on_order" = "on_order" + ${delta} WHERE "id" = ${productId}`;
  }
}
