import { describe, expect, it } from 'vitest';
import { dailyUsage, daysOfCover, reorderPoint, suggestedQuantity } from '@/lib/inventory/purchasing/replenishment-formulas';

describe('replenishment formulas', () => {
  it('with no shipments: usage 0.00, no days of cover, the reorder point is the reorder level or the safety stock', () => {
    expect(dailyUsage({ shipped: 0, days: 30 })).toBe('0.00');
    expect(daysOfCover({ onHand: 12, shipped: 0, days: 30 })).toBeNull();
    expect(reorderPoint({ shipped: 0, days: 30, leadTimeDays: 14, reorderLevel: 5, safetyStock: 2 })).toBe(5);
    expect(reorderPoint({ shipped: 0, days: 30, leadTimeDays: 14, reorderLevel: 0, safetyStock: 3 })).toBe(3);
  });

  it('with zero lead time: the lead demand is nothing, the safety stock or reorder level decide', () => {
    expect(reorderPoint({ shipped: 900, days: 30, leadTimeDays: 0, reorderLevel: 4, safetyStock: 6 })).toBe(6);
    expect(reorderPoint({ shipped: 900, days: 30, leadTimeDays: 0, reorderLevel: 10, safetyStock: 6 })).toBe(10);
  });

  it('rounds usage half up to two places for people, and uses the exact usage for the reorder point and cover', () => {
    expect(dailyUsage({ shipped: 1, days: 30 })).toBe('0.03');
    expect(dailyUsage({ shipped: 1, days: 200 })).toBe('0.01');
    expect(dailyUsage({ shipped: 1, days: 201 })).toBe('0.00');
    expect(dailyUsage({ shipped: 2, days: 3 })).toBe('0.67');
    expect(dailyUsage({ shipped: 45, days: 30 })).toBe('1.50');
    expect(dailyUsage({ shipped: 3_000_000_000_000, days: 7 })).toBe('428571428571.43');
    // 1 unit in 30 days over 7 days of lead time is 0.23 units: one to cover, not 0.03 x 7 = 0.21 rounded.
    expect(reorderPoint({ shipped: 1, days: 30, leadTimeDays: 7, reorderLevel: 0, safetyStock: 0 })).toBe(1);
    // 2 in 3 days (0.666...) for 3 days is exactly 2; the rounded 0.67 would have said 3.
    expect(reorderPoint({ shipped: 2, days: 3, leadTimeDays: 3, reorderLevel: 0, safetyStock: 1 })).toBe(3);
    // 10 units at 2/3 a day last 15 days; the rounded usage would have said 14.
    expect(daysOfCover({ onHand: 10, shipped: 2, days: 3 })).toBe(15);
    expect(daysOfCover({ onHand: 0, shipped: 5, days: 30 })).toBe(0);
  });

  it('suggests at least the reorder quantity, more when stock and orders fall further below the point', () => {
    expect(suggestedQuantity({ reorderPoint: 20, onHand: 5, onOrder: 0, reorderQuantity: 10 })).toBe(15);
    expect(suggestedQuantity({ reorderPoint: 20, onHand: 5, onOrder: 8, reorderQuantity: 10 })).toBe(10);
    expect(suggestedQuantity({ reorderPoint: 20, onHand: 0, onOrder: 0, reorderQuantity: 0 })).toBe(20);
  });
});
