import { headers } from 'next/headers';
import { cache } from 'react';
import { displayFormat, localeFromAcceptLanguage, setRequestDisplayFormat, type DisplayFormat } from '@/lib/format';
import { getRequestShopSettings } from './get-shop-settings';

/**
 * Server components: dates and money for this request, in the reader's locale (Accept-Language)
 * and the shop's zone and currency, read once per request; it also becomes what formatDate,
 * formatDateTime and formatMoney use for the rest of the render.
 */
export const getDisplayFormat = cache(async (): Promise<DisplayFormat> => {
  const [settings, requestHeaders] = await Promise.all([getRequestShopSettings(), headers()]);
  const format = displayFormat({ locale: localeFromAcceptLanguage(requestHeaders.get('accept-language')), timeZone: settings.timezone, currency: settings.currency });
  setRequestDisplayFormat(format);
  return format;
});
