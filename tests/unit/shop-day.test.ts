import { describe, expect, it } from 'vitest';
import { addDays, endOfShopDay, isShopDay, isValidTimeZone, shopDayBuckets, shopDayOf, shopToday, startOfShopDay } from '@/lib/time/shop-day';

const hours = (day: string, zone: string) => (endOfShopDay(day, zone).getTime() - startOfShopDay(day, zone).getTime()) / 3_600_000;

describe('the shop day', () => {
  it('is the UTC day in UTC', () => {
    expect(startOfShopDay('2026-03-09', 'UTC').toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(endOfShopDay('2026-03-09', 'UTC').toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  it('starts before UTC midnight east of UTC and after it west of UTC', () => {
    // Berlin in winter (+01:00) and in summer (+02:00).
    expect(startOfShopDay('2026-03-09', 'Europe/Berlin').toISOString()).toBe('2026-03-08T23:00:00.000Z');
    expect(startOfShopDay('2026-07-09', 'Europe/Berlin').toISOString()).toBe('2026-07-08T22:00:00.000Z');
    // Auckland in its summer (+13:00), half a day ahead.
    expect(startOfShopDay('2026-03-09', 'Pacific/Auckland').toISOString()).toBe('2026-03-08T11:00:00.000Z');
    // New York (-05:00 before its change on 8 March 2026, -04:00 after) and a half-hour zone.
    expect(startOfShopDay('2026-03-02', 'America/New_York').toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(startOfShopDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfShopDay('2026-03-09', 'Asia/Kolkata').toISOString()).toBe('2026-03-08T18:30:00.000Z');
  });

  it('lasts 23 hours when clocks go forward and 25 when they go back', () => {
    expect(hours('2026-03-29', 'Europe/Berlin')).toBe(23);
    expect(hours('2026-10-25', 'Europe/Berlin')).toBe(25);
    expect(hours('2026-03-08', 'America/New_York')).toBe(23);
    expect(hours('2026-11-01', 'America/New_York')).toBe(25);
    // Southern hemisphere: Auckland goes back in April and forward in September.
    expect(hours('2026-04-05', 'Pacific/Auckland')).toBe(25);
    expect(hours('2026-09-27', 'Pacific/Auckland')).toBe(23);
    expect(hours('2026-03-30', 'Europe/Berlin')).toBe(24);
  });

  it('handles a zone whose midnight is skipped by its clock change', () => {
    // Chile's clocks went from 00:00 to 01:00 on 2026-09-06: the day starts at 04:00Z (01:00 -03).
    expect(startOfShopDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(hours('2026-09-06', 'America/Santiago')).toBe(23);
  });

  it('handles the date line: Kiritimati (+14) and Pago Pago (-11) share a wall clock a day apart', () => {
    expect(startOfShopDay('2026-03-09', 'Pacific/Kiritimati').toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(startOfShopDay('2026-03-09', 'Pacific/Pago_Pago').toISOString()).toBe('2026-03-09T11:00:00.000Z');
    const instant = new Date('2026-03-09T12:00:00Z');
    expect(shopDayOf(instant, 'Pacific/Kiritimati')).toBe('2026-03-10');
    expect(shopDayOf(instant, 'Pacific/Pago_Pago')).toBe('2026-03-09');
    // Kiritimati skipped 31 December 1994 when it moved across the date line: a day without length.
    expect(hours('1994-12-31', 'Pacific/Kiritimati')).toBe(0);
    expect(hours('1994-12-30', 'Pacific/Kiritimati')).toBe(24);
  });

  it('gives today in the zone and contiguous day buckets', () => {
    const now = new Date('2026-03-09T20:00:00Z');
    expect(shopToday('UTC', now)).toBe('2026-03-09');
    expect(shopToday('Pacific/Auckland', now)).toBe('2026-03-10');
    expect(shopToday('Pacific/Pago_Pago', now)).toBe('2026-03-09');
    const buckets = shopDayBuckets('2026-10-24', '2026-10-26', 'Europe/Berlin');
    expect(buckets.map((bucket) => bucket.day)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(buckets[1]!.start).toEqual(buckets[0]!.end);
    expect(buckets[2]!.start).toEqual(buckets[1]!.end);
    expect(buckets.map((bucket) => (bucket.end.getTime() - bucket.start.getTime()) / 3_600_000)).toEqual([24, 25, 24]);
  });

  it('validates days and zones', () => {
    expect(isShopDay('2026-02-29')).toBe(false);
    expect(isShopDay('2028-02-29')).toBe(true);
    expect(isShopDay('2026-3-9')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => startOfShopDay('2026-02-30', 'UTC')).toThrow(RangeError);
  });
});
