import { db } from '@/lib/db/client';

export interface LocationStockTotal {
  /** Units on hand at the location, over all products. */
  onHand: number;
  /** Products with at least one unit there. */
  productCount: number;
}

/** On-hand totals per location id, from the stock-level cache (locations without stock are absent). */
export async function getLocationStockTotals(): Promise<Map<number, LocationStockTotal>> {
  const groups = await db().stockLevel.groupBy({
    by: ['locationId'],
    where: { onHand: { gt: 0 } },
    _sum: { onHand: true },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.locationId, { onHand: group._sum.onHand ?? 0, productCount: group._count._all }]));
}
