/**
 * The low-stock rule: a product is low when its total on hand is below its reorder level
 * (so a reorder level of 0 never alerts: on hand cannot go below 0). An unresolved alert
 * exists exactly when this holds. Queries that filter by it in SQL write the same comparison,
 * `on_hand < reorder_level`, and point here.
 */
export function isLowStock({ onHand, reorderLevel }: { onHand: number; reorderLevel: number }): boolean {
  return onHand < reorderLevel;
}
