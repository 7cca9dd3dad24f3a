/**
 * Reading what a browser sends: form fields in server actions and search parameters in pages.
 * Everything arrives as text; these helpers turn it into the shapes the zod schemas take, so
 * that the schemas (shared with the JSON API) give every message.
 */

/** Form fields as typed, keyed by name: what a refused form shows again. */
export type FormValues = Record<string, string>;

/** One form field as text; a missing field or a file is the empty string. */
export function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

/** The named fields as typed. */
export function formValues(formData: FormData, keys: readonly string[]): FormValues {
  return Object.fromEntries(keys.map((key) => [key, textOf(formData, key)]));
}

/** A number typed into a form: empty means absent; anything else goes to the schema as a number (NaN fails there, with its message). */
export function optionalNumber(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** Optional text: empty (or blank) means absent, so a schema's default applies. */
export function optionalText(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** A checkbox sends "on" when ticked and nothing otherwise. */
export function isChecked(text: string | undefined): boolean {
  return text === 'on';
}

/** One search parameter, trimmed; absent or repeated-but-empty is the empty string (the first of repeated values wins). */
export function searchParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}
