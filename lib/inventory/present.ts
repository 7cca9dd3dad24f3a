import type { InventoryAlert, StockMovement } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';

/** A ledger row in the API's shape (API.md, "Stock movement"). */
export function presentMovement(movement: Omit<StockMovement, 'averageCostMicroCents'>) {
  return {
    id: movement.id,
    productId: movement.productId,
    locationId: movement.locationId,
    type: movement.type,
    quantity: movement.quantity,
    balanceAfter: movement.balanceAfter,
    unitCost: movement.unitCostCents === null ? null : formatCents(movement.unitCostCents),
    reason: movement.reason,
    reference: movement.reference,
    transferId: movement.transferId,
    createdBy: movement.createdById,
    createdAt: movement.createdAt.toISOString(),
  };
}

export type MovementResponse = ReturnType<typeof presentMovement>;

export function presentAlert(alert: InventoryAlert) {
  return {
    id: alert.id,
    productId: alert.productId,
    status: alert.status,
    onHandAtTrigger: alert.onHandAtTrigger,
    reorderLevel: alert.reorderLevel,
    createdAt: alert.createdAt.toISOString(),
    dismissedAt: alert.dismissedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

export type AlertResponse = ReturnType<typeof presentAlert>;
