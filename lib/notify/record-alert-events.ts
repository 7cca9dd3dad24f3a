import type { Transaction } from '@/lib/db/client';
import type { InventoryAlert } from '@/lib/db/generated/sqlite/client';
import { presentAlert } from '@/lib/inventory/present';
import { hasEventListeners, recordEvents } from './record-events';

/**
 * `alert.opened` and `alert.resolved` for the alerts a transaction opened and resolved, each
 * with its product's SKU and name so that a receiver (or a Slack channel) can say which
 * product without calling back. The product read happens only when someone listens.
 */
export async function recordAlertEvents(tx: Transaction, { opened, resolved, now }: { opened: InventoryAlert[]; resolved: InventoryAlert[]; now: Date }): Promise<void> {
  if (opened.length + resolved.length === 0) return;
  if (!(await hasEventListeners(tx, [...(opened.length > 0 ? ['alert.opened' as const] : []), ...(resolved.length > 0 ? ['alert.resolved' as const] : [])]))) return;
  const products = await tx.product.findMany({
    where: { id: { in: [...opened, ...resolved].map((alert) => alert.productId) } },
    select: { id: true, sku: true, name: true, onHand: true },
  });
  const productById = new Map(products.map((product) => [product.id, product]));
  const data = (alert: InventoryAlert) => ({ alert: presentAlert(alert), product: productById.get(alert.productId) ?? null });
  await recordEvents(
    tx,
    [...opened.map((alert) => ({ type: 'alert.opened' as const, data: data(alert) })), ...resolved.map((alert) => ({ type: 'alert.resolved' as const, data: data(alert) }))],
    { now },
  );
}
