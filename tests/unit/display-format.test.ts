import { describe, expect, it } from 'vitest';
import { displayFormat, formatDateTime, formatMoney, localeFromAcceptLanguage } from '@/lib/format';

const instant = new Date('2026-03-09T23:30:00Z');

describe('dates and money as a page shows them', () => {
  it('shows an instant in the shop’s zone and names the zone', () => {
    const auckland = displayFormat({ locale: 'en-GB', timeZone: 'Pacific/Auckland', currency: 'EUR' });
    expect(auckland.dateTime(instant)).toBe('10 Mar 2026, 12:30 GMT+13');
    expect(auckland.date(instant)).toBe('10 Mar 2026');
    const newYork = displayFormat({ locale: 'en-US', timeZone: 'America/New_York', currency: 'USD' });
    expect(newYork.date(instant)).toBe('Mar 9, 2026');
    // A shop day is a calendar date already: no zone moves it.
    expect(auckland.day('2026-03-09')).toBe('9 Mar 2026');
    expect(newYork.day('2026-03-09', 'short')).toBe('Mar 9');
  });

  it('shows money in the shop’s currency in the reader’s locale, exactly', () => {
    expect(displayFormat({ locale: 'en-GB', timeZone: 'UTC', currency: 'EUR' }).money(123456)).toBe('€1,234.56');
    expect(displayFormat({ locale: 'de-DE', timeZone: 'UTC', currency: 'EUR' }).money('1234.5')).toBe('1.234,50\u00a0€');
    expect(displayFormat({ locale: 'en-US', timeZone: 'UTC', currency: 'GBP' }).money(-5)).toBe('-£0.05');
    // Beyond 2^53 cents a float would lose cents; the decimal string keeps them.
    expect(displayFormat({ locale: 'en-US', timeZone: 'UTC', currency: 'USD' }).money(1234567890123456789n)).toBe('$12,345,678,901,234,567.89');
  });

  it('groups counts and writes chart days as the reader does', () => {
    expect(displayFormat({ locale: 'de-DE', timeZone: 'UTC', currency: 'EUR' }).integer(2103)).toBe('2.103');
    expect(displayFormat({ locale: 'en-GB', timeZone: 'UTC', currency: 'EUR' }).integer(-12345)).toBe('-12,345');
    expect(displayFormat({ locale: 'de-DE', timeZone: 'Pacific/Auckland', currency: 'EUR' }).day('2026-11-09', 'short')).toBe('9. Nov.');
  });

  it('outside a request falls back to UTC and US dollars, still naming the zone', () => {
    expect(formatDateTime(instant)).toBe('9 Mar 2026, 23:30 UTC');
    expect(formatMoney('12.50')).toBe('US$12.50');
  });

  it('takes the reader’s first supported language from Accept-Language', () => {
    expect(localeFromAcceptLanguage('de-CH,de;q=0.9,en;q=0.8')).toBe('de-CH');
    expect(localeFromAcceptLanguage('*;q=0.5, fr')).toBe('fr');
    expect(localeFromAcceptLanguage('not a tag!!, en-NZ')).toBe('en-NZ');
    expect(localeFromAcceptLanguage(undefined)).toBe('en-GB');
  });
});
