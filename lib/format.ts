/** Dates and numbers as a person reads them; rendered on the server in UTC for stability. */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const INTEGER = new Intl.NumberFormat('en-US');

export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`;
}

export function formatDate(date: Date): string {
  return DATE.format(date);
}

export function formatInteger(value: number): string {
  return INTEGER.format(value);
}

/** "+12" / "-3": a signed quantity as the ledger shows it. */
export function formatSigned(value: number): string {
  return value > 0 ? `+${INTEGER.format(value)}` : INTEGER.format(value);
}
