/**
 * The replenishment arithmetic of API.md ("Replenishment and purchase orders"), pure and on
 * whole numbers: usage is kept as the exact fraction `shipped / days`, so the reorder point and
 * days of cover never inherit the rounding of the two-place `dailyUsage` shown to people.
 * list-replenishment.ts selects rows in SQL with the same integer arithmetic
 * (reorderPoint below) and then answers with these functions.
 */

export interface UsageWindow {
  /** Units shipped (SHIPMENT rows only) in the window, as a positive number. */
  shipped: number;
  /** The window's length in days (at least 1). */
  days: number;
}

/** Units shipped per day as a decimal string with two places, rounded half up: "0.03" for 1 unit in 30 days. */
export function dailyUsage({ shipped, days }: UsageWindow): string {
  const hundredths = (BigInt(shipped) * 200n + BigInt(days)) / (2n * BigInt(days));
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** Whole days the stock on hand lasts at this usage (rounded down); null when nothing shipped. */
export function daysOfCover({ onHand, shipped, days }: UsageWindow & { onHand: number }): number | null {
  if (shipped <= 0) return null;
  return Number((BigInt(Math.max(onHand, 0)) * BigInt(days)) / BigInt(shipped));
}

/** max(reorderLevel, ceil(dailyUsage x leadTimeDays) + safetyStock), the usage exact. */
export function reorderPoint({ shipped, days, leadTimeDays, reorderLevel, safetyStock }: UsageWindow & { leadTimeDays: number; reorderLevel: number; safetyStock: number }): number {
  const leadDemand = (BigInt(shipped) * BigInt(leadTimeDays) + BigInt(days) - 1n) / BigInt(days);
  return Math.max(reorderLevel, Number(leadDemand) + safetyStock);
}

/** max(reorderQuantity, reorderPoint - onHand - onOrder): at least a full reorder, more when far below. */
export function suggestedQuantity({ reorderPoint: point, onHand, onOrder, reorderQuantity }: { reorderPoint: number; onHand: number; onOrder: number; reorderQuantity: number }): number {
  return Math.max(reorderQuantity, point - onHand - onOrder);
}
