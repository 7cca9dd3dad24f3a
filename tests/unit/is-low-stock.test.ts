import { describe, expect, it } from 'vitest';
import { isLowStock } from '@/lib/inventory/is-low-stock';

describe('isLowStock', () => {
  it('is low strictly below the reorder level, not at it', () => {
    expect(isLowStock({ onHand: 4, reorderLevel: 5 })).toBe(true);
    expect(isLowStock({ onHand: 5, reorderLevel: 5 })).toBe(false);
    expect(isLowStock({ onHand: 6, reorderLevel: 5 })).toBe(false);
  });

  it('never holds for a reorder level of 0, since on hand cannot go below 0', () => {
    expect(isLowStock({ onHand: 0, reorderLevel: 0 })).toBe(false);
  });
});
