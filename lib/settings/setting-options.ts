import { twoDigitCurrencies } from './settings-schemas';

interface Option {
  value: string;
  label: string;
}

/** Every two-digit currency as "EUR · Euro"; the saved one stays choosable even if the runtime's list dropped it. */
export function currencyOptions(current: string): Option[] {
  const names = new Intl.DisplayNames('en', { type: 'currency' });
  const codes = [...new Set([current, ...twoDigitCurrencies()])].sort();
  return codes.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** Every IANA zone the runtime knows (and the saved one), UTC first, named with its offset now ("Europe/Berlin (GMT+1)"). */
export function timeZoneOptions(current: string, now: Date = new Date()): Option[] {
  const zones = ['UTC', ...[...new Set([current, ...Intl.supportedValuesOf('timeZone')])].filter((zone) => zone !== 'UTC').sort()];
  return zones.map((zone) => {
    const offset = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value;
    return { value: zone, label: `${zone.replaceAll('_', ' ')} (${offset ?? 'GMT'})` };
  });
}
