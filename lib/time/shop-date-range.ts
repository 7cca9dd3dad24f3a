import { validationFailed } from '@/lib/errors';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { endOfShopDay, startOfShopDay } from './shop-day';

/** `from` and `to` as a query gives them (withDateRange has checked their form). */
export interface DateRangeBounds {
  from?: string;
  to?: string;
}

/** The same range as UTC instants: `createdAt >= from AND createdAt < toExclusive`. */
export interface InstantRange {
  from?: Date;
  toExclusive?: Date;
}

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bare day is a day in the shop's zone: `from` is where it begins there and `to` includes
 * all of it; a full timestamp is that instant (`to` including its millisecond).
 */
export function dateRangeInZone({ from, to }: DateRangeBounds, timeZone: string): InstantRange {
  const range: InstantRange = {
    from: from === undefined ? undefined : BARE_DAY.test(from) ? startOfShopDay(from, timeZone) : new Date(from),
    toExclusive: to === undefined ? undefined : BARE_DAY.test(to) ? endOfShopDay(to, timeZone) : new Date(Date.parse(to) + 1),
  };
  // A day and an instant compare only once the zone is known, so the order is checked here.
  if (range.from && range.toExclusive && range.from >= range.toExclusive) throw validationFailed({ to: 'to must not be before from' });
  return range;
}

/** dateRangeInZone in the shop's own zone (shop settings), unless the caller knows the zone already. */
export async function shopDateRange(bounds: DateRangeBounds, { timeZone }: { timeZone?: string } = {}): Promise<InstantRange> {
  if (bounds.from === undefined && bounds.to === undefined) return {};
  return dateRangeInZone(bounds, timeZone ?? (await getShopSettings()).timezone);
}
