/**
 * Moving weighted average cost, in exact integer arithmetic. The average unit cost is kept in
 * micro-cents (1e-6 cent) as a BigInt and rounded half-up once per receipt; quantities are
 * integers; no binary float is involved anywhere. Only receipts change the average: issues,
 * transfers, counts and adjustments move quantity at the current average.
 */
export const MICRO_PER_CENT = 1_000_000n;

export interface AverageCostState {
  quantity: bigint;
  averageMicroCents: bigint;
}

export function emptyAverage(): AverageCostState {
  return { quantity: 0n, averageMicroCents: 0n };
}

/** Division of non-negative BigInts rounded half-up. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * A receipt of `quantity` units at `unitCostCents` when `quantityBefore` units were on hand
 * (over all locations) at the current average.
 */
export function receive(average: bigint, quantityBefore: bigint, quantity: bigint, unitCostCents: bigint): bigint {
  const held = quantityBefore > 0n ? quantityBefore : 0n;
  const total = held + quantity;
  if (total <= 0n) return average;
  return divideRoundHalfUp(held * average + quantity * unitCostCents * MICRO_PER_CENT, total);
}

/** The value of `quantity` units at an average, in whole cents (half-up). */
export function valueInCents(quantity: bigint, averageMicroCents: bigint): bigint {
  return divideRoundHalfUp(quantity * averageMicroCents, MICRO_PER_CENT);
}

/** The average as a money string with four decimals of a cent unit, e.g. "2.3333". */
export function formatAverageCost(averageMicroCents: bigint): string {
  const tenThousandths = divideRoundHalfUp(averageMicroCents, 10_000n);
  const whole = tenThousandths / 10_000n;
  const fraction = (tenThousandths % 10_000n).toString().padStart(4, '0');
  return `${whole}.${fraction}`;
}
