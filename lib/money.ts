/**
 * Money is kept as integer minor units (cents) everywhere and crosses the API as a decimal
 * string such as "12.50" (API.md). Parsing never goes through a binary float, so "0.29"
 * is exactly 29 cents.
 */

const MONEY_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Cents from a decimal string or number with at most two decimals; undefined when it is not one. */
export function parseMoneyToCents(value: string | number): number | undefined {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  if (text === undefined) return undefined;
  const match = MONEY_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return undefined;
  return sign ? -cents : cents;
}

/** A number as its shortest decimal text ("12.5"), or undefined for NaN, Infinity and exponents. */
function numberToPlainString(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  return /e/i.test(text) ? undefined : text;
}

/** "1234.50": the API's money string. */
export function formatCents(cents: number | bigint): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = absolute / 100n;
  const fraction = (absolute % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
