import { z } from 'zod';
import { requiredTextSchema } from '@/lib/inventory/schema-parts';
import { isValidTimeZone } from '@/lib/time/shop-day';

/** ISO 4217 codes the runtime knows, so a typo such as "EUO" is refused. */
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Money is stored in cents, so only currencies with two minor digits fit it (API.md); JPY (0)
 * or KWD (3) are refused until amounts carry their own scale.
 */
export function isTwoDigitCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code) || !KNOWN_CURRENCIES.has(code)) return false;
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits === 2;
}

/** Currencies the settings form offers: every known code with two minor digits. */
export function twoDigitCurrencies(): string[] {
  return [...KNOWN_CURRENCIES].filter(isTwoDigitCurrency);
}

export const SHOP_NAME_MAX = 80;

export const shopNameSchema = requiredTextSchema('Shop name', SHOP_NAME_MAX);

export const currencySchema = z
  .string({ message: 'currency must be an ISO 4217 code such as "EUR"' })
  .trim()
  .toUpperCase()
  .refine(isTwoDigitCurrency, { message: 'Use an ISO 4217 currency code with two decimals, such as USD, EUR or GBP' });

export const timezoneSchema = z
  .string({ message: 'timezone must be an IANA time zone such as "Europe/Berlin"' })
  .trim()
  .refine(isValidTimeZone, { message: 'Use an IANA time zone such as Europe/Berlin or America/New_York' })
  // One spelling per zone ("europe/berlin" is stored as "Europe/Berlin").
  .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);

/** PATCH /api/settings: any of the three; at least one. */
export const updateShopSettingsSchema = z
  .strictObject({ shopName: shopNameSchema.optional(), currency: currencySchema.optional(), timezone: timezoneSchema.optional() })
  .refine((input) => input.shopName !== undefined || input.currency !== undefined || input.timezone !== undefined, {
    message: 'Send at least one of shopName, currency, timezone',
  });

export type UpdateShopSettingsInput = z.output<typeof updateShopSettingsSchema>;

export const shopSettingsResponseSchema = z
  .object({
    shopName: z.string(),
    currency: z.string().describe('ISO 4217 code with two minor digits; money in the API stays a plain decimal string'),
    timezone: z.string().describe('IANA time zone; every day-based parameter (from, to, asOf) means a day in this zone'),
  })
  .meta({ id: 'ShopSettings' });
