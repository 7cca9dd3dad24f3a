import { cache } from 'react';
import { formatCents, parseMoneyToCents } from './money';

/**
 * Dates and numbers as a person reads them. Pages render on the server in the shop's time
 * zone and currency and the reader's locale (getDisplayFormat, primed for every signed-in page
 * by requirePageActor); the browser hydrates that same text, so nothing mismatches.
 */
/** This request's formats (React's cache lasts one server render); unset outside one. */
const requestDisplay = cache((): { current?: DisplayFormat } => ({}));

/** Where no request set them (a script, a test): UTC, en-GB, USD, and the zone always named. */
let fallback: DisplayFormat | undefined;

function currentDisplay(): DisplayFormat {
  return requestDisplay().current ?? (fallback ??= displayFormat({ locale: 'en-GB', timeZone: 'UTC', currency: 'USD' }));
}

/** Makes `format` the one formatDate, formatDateTime and formatMoney use for the rest of this server render. */
export function setRequestDisplayFormat(format: DisplayFormat): void {
  requestDisplay().current = format;
}

/** An instant as a date and time in the shop's zone, the zone named ("9 Mar 2026, 15:05 CET"). */
export function formatDateTime(date: Date): string {
  return currentDisplay().dateTime(date);
}

/** An instant's day in the shop's zone. */
export function formatDate(date: Date): string {
  return currentDisplay().date(date);
}

/** An instant's time of day in the shop's zone, the zone named ("15:05 CET"). */
export function formatTime(date: Date): string {
  return currentDisplay().time(date);
}

/** The shop's time zone, for labels such as "days in Pacific/Auckland". */
export function displayTimeZone(): string {
  return currentDisplay().settings.timeZone;
}

/** Money in the shop's currency (cents, or the API's decimal string). CSV and JSON keep plain decimals. */
export function formatMoney(amount: number | bigint | string): string {
  return currentDisplay().money(amount);
}

/** A shop day `YYYY-MM-DD` as the reader writes it ("9 Mar" short, "9 Mar 2026" medium), never shifted by a zone. */
export function formatDay(day: string, style: 'medium' | 'short' = 'medium'): string {
  return currentDisplay().day(day, style);
}

/** A count in the reader's locale: 2,103 reads as a decimal to a German reader, who writes 2.103. */
export function formatInteger(value: number): string {
  return currentDisplay().integer(value);
}

/** "+12" / "-3": a signed quantity as the ledger shows it. */
export function formatSigned(value: number): string {
  return value > 0 ? `+${formatInteger(value)}` : formatInteger(value);
}

/** What a page needs to show dates and money as this shop and this reader expect them. */
export interface DisplaySettings {
  /** The reader's locale (the browser's Accept-Language), a BCP 47 tag Intl supports. */
  locale: string;
  /** The shop's IANA time zone. */
  timeZone: string;
  /** The shop's ISO 4217 currency. */
  currency: string;
}

export interface DisplayFormat {
  settings: DisplaySettings;
  /** An instant, date and time in the shop's zone, with the zone named ("9 Mar 2026, 15:05 CET"). */
  dateTime: (date: Date) => string;
  /** An instant's day in the shop's zone. */
  date: (date: Date) => string;
  /** An instant's time of day in the shop's zone, the zone named. */
  time: (date: Date) => string;
  /** A shop day `YYYY-MM-DD` as the reader writes it (no zone shift: it already is the shop's day). */
  day: (day: string, style?: 'medium' | 'short') => string;
  /** Money in the shop's currency, from cents or the API's decimal string ("12.50"). */
  money: (amount: number | bigint | string) => string;
  /** A whole number with the reader's grouping. */
  integer: (value: number) => string;
}

/** The reader's first language Intl supports, from an Accept-Language header; en-GB otherwise. */
export function localeFromAcceptLanguage(header: string | null | undefined): string {
  const tags = (header ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .filter((tag) => tag && tag !== '*');
  for (const tag of tags) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return 'en-GB';
}

/**
 * Formatters for one request. Pages render on the server with the reader's locale (from the
 * request) and the shop's zone and currency, and send the text: the browser hydrates the same
 * text, so no date depends on the machine's own zone and nothing mismatches.
 */
export function displayFormat(settings: DisplaySettings): DisplayFormat {
  const { locale, timeZone, currency } = settings;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const zoneOf = (value: Date) => zoneName.formatToParts(value).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  // A shop day is a calendar date: formatted at its UTC noon in UTC, it cannot shift.
  const days = { medium: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }), short: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }) };
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    settings,
    dateTime: (value) => `${dateTime.format(value)} ${zoneOf(value)}`,
    date: (value) => date.format(value),
    time: (value) => `${time.format(value)} ${zoneOf(value)}`,
    day: (day, style = 'medium') => days[style].format(new Date(`${day}T12:00:00Z`)),
    money: (amount) => {
      const cents = typeof amount === 'string' ? parseMoneyToCents(amount) : amount;
      // Intl reads a decimal string exactly, so large amounts keep every cent.
      return cents === undefined ? amount.toString() : money.format(formatCents(cents) as `${number}`);
    },
    integer: (value) => integer.format(value),
  };
}
