/**
 * The shop's day: a calendar day `YYYY-MM-DD` in the shop's IANA time zone, and the UTC
 * instants where it begins and ends. Offsets come from Intl (the runtime's time zone data), so
 * daylight saving days last 23 or 25 hours and a day a zone skipped (Pacific/Kiritimati's
 * 1994-12-31) has no length at all.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Offsets lie within -12:00 and +14:00, so a local midnight is within this of the UTC one. */
const SEARCH_MARGIN_MS = 16 * 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in the zone at an instant, as if it were a UTC time (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal' && part.type !== 'era') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** Whether the zone is one the runtime knows (an IANA name such as "Europe/Berlin"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whether text is a real calendar day `YYYY-MM-DD`. */
export function isShopDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function dayToUtcMidnight(day: string): number {
  if (!isShopDay(day)) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day `days` after (or before, when negative) the given one: calendar arithmetic, no zone. */
export function addDays(day: string, days: number): string {
  return new Date(dayToUtcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The shop's calendar day at an instant. */
export function shopDayOf(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** Today in the shop's zone. */
export function shopToday(timeZone: string, now: Date = new Date()): string {
  return shopDayOf(now, timeZone);
}

/**
 * The first instant whose local day is `day` or later: local midnight, or, when midnight is
 * skipped by a clock change, the moment the clocks jump.
 */
export function startOfShopDay(day: string, timeZone: string): Date {
  const midnight = dayToUtcMidnight(day);
  // Fast path: guess the offset at local midnight from the offset near it, twice.
  let candidate = midnight - (wallClock(midnight, timeZone) - midnight);
  candidate = midnight - (wallClock(candidate, timeZone) - candidate);
  if (startsDay(candidate, day, timeZone)) return new Date(candidate);
  // Midnight does not exist that day (or not once): find the boundary by bisection, to the second.
  let low = Math.floor((midnight - SEARCH_MARGIN_MS) / 1000);
  let high = Math.ceil((midnight + SEARCH_MARGIN_MS) / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (shopDayOf(new Date(middle * 1000), timeZone) >= day) high = middle;
    else low = middle;
  }
  return new Date(high * 1000);
}

function startsDay(instant: number, day: string, timeZone: string): boolean {
  return shopDayOf(new Date(instant), timeZone) >= day && shopDayOf(new Date(instant - 1000), timeZone) < day;
}

/**
 * The end of the shop's day as an EXCLUSIVE bound: the first instant of the next day. Query
 * with `createdAt < endOfShopDay(...)` ("up to the end of March 9" includes all of March 9).
 */
export function endOfShopDay(day: string, timeZone: string): Date {
  return startOfShopDay(addDays(day, 1), timeZone);
}

export interface ShopDayBucket {
  day: string;
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** The days from `firstDay` to `lastDay` (both included) with their UTC bounds, oldest first. */
export function shopDayBuckets(firstDay: string, lastDay: string, timeZone: string): ShopDayBucket[] {
  const buckets: ShopDayBucket[] = [];
  let start = startOfShopDay(firstDay, timeZone);
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    const end = endOfShopDay(day, timeZone);
    buckets.push({ day, start, end });
    start = end;
  }
  return buckets;
}
