import { describe, expect, it } from 'vitest';
import { formatAverageCost, receive, valueInCents } from '@/lib/inventory/moving-average';

describe('moving weighted average cost', () => {
  it('matches a hand computation to the cent', () => {
    // 10 @ 2.00, ship 4 (6 left @ 2.00), 3 @ 3.50 -> (12 + 10.50) / 9 = 2.50, 2 @ 3.00 -> (22.50 + 6) / 11
    let average = receive(0n, 0n, 10n, 200n);
    expect(formatAverageCost(average)).toBe('2.0000');
    average = receive(average, 6n, 3n, 350n);
    expect(formatAverageCost(average)).toBe('2.5000');
    average = receive(average, 9n, 2n, 300n);
    expect(formatAverageCost(average)).toBe('2.5909');
    expect(valueInCents(11n, average)).toBe(2850n);
  });

  it('starts afresh at the receipt cost when nothing was held', () => {
    expect(formatAverageCost(receive(123_456_789n, 0n, 5n, 799n))).toBe('7.9900');
  });
});
