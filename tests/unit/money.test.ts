import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, parseMoneyToCents } from '@/lib/money';

describe('money', () => {
  it('parses decimal strings and numbers exactly, without binary floats', () => {
    expect(parseMoneyToCents('12.50')).toBe(1250);
    expect(parseMoneyToCents('0.29')).toBe(29);
    expect(parseMoneyToCents(0.29)).toBe(29);
    expect(parseMoneyToCents('7')).toBe(700);
    expect(parseMoneyToCents(' 1.5 ')).toBe(150);
    expect(parseMoneyToCents('-3.10')).toBe(-310);
  });

  it('refuses what is not money', () => {
    for (const bad of ['', '1.234', 'abc', '1,50', '1e3', 'NaN', '.5', '1.', '--1']) expect(parseMoneyToCents(bad)).toBeUndefined();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1e21, 0.001]) expect(parseMoneyToCents(bad)).toBeUndefined();
  });

  it('formats cents back to the same string', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(parseMoneyToCents(formatCents(cents))).toBe(cents);
      }),
    );
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-105)).toBe('-1.05');
  });
});
