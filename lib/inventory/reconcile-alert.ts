import type { Transaction } from '@/lib/db/client';
import { recordAlertEvents } from '@/lib/notify/record-alert-events';
import { isLowStock } from './is-low-stock';

export interface ProductStockState {
  productId: number;
  onHand: number;
  reorderLevel: number;
}

/**
 * Brings products' low-stock alerts in line with their total on-hand, inside the transaction
 * that changed the on-hand or the reorder level (the caller holds the product rows' locks):
 * below the reorder level there is exactly one unresolved alert, at or above it none. A
 * dismissed alert stays dismissed until it resolves. The partial unique index
 * `inventory_alerts_one_unresolved_per_product` refuses a second unresolved alert even if
 * this code were wrong. Three statements whatever the number of products, and the
 * `alert.opened`/`alert.resolved` events in the same transaction (lib/notify/record-events.ts).
 */
export async function reconcileAlerts(tx: Transaction, { products, now }: { products: ProductStockState[]; now: Date }): Promise<void> {
  if (products.length === 0) return;
  const unresolved = await tx.inventoryAlert.findMany({
    where: { productId: { in: products.map((product) => product.productId) }, status: { in: ['ACTIVE', 'DISMISSED'] } },
    select: { productId: true },
  });
  const hasUnresolved = new Set(unresolved.map((alert) => alert.productId));
  const toOpen = products.filter((product) => isLowStock(product) && !hasUnresolved.has(product.productId));
  const toResolve = products.filter((product) => !isLowStock(product) && hasUnresolved.has(product.productId));
  const opened =
    toOpen.length === 0
      ? []
      : await tx.inventoryAlert.createManyAndReturn({
          data: toOpen.map((product) => ({
            productId: product.productId,
            status: 'ACTIVE' as const,
            onHandAtTrigger: product.onHand,
            reorderLevel: product.reorderLevel,
            createdAt: now,
          })),
        });
  const resolved =
    toResolve.length === 0
      ? []
      : await tx.inventoryAlert.updateManyAndReturn({
          where: { productId: { in: toResolve.map((product) => product.productId) }, status: { in: ['ACTIVE', 'DISMISSED'] } },
          data: { status: 'RESOLVED', resolvedAt: now },
        });
  await recordAlertEvents(tx, { opened, resolved, now });
}
