import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=` as API.md describes them; the cursor is opaque to clients. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return undefined;
      const id = decodeCursor(value);
      if (id === undefined) {
        context.addIssue({ code: 'custom', message: 'cursor is not one this API gave out' });
        return z.NEVER;
      }
      return id;
    }),
});

export type PageQuery = z.output<typeof pageQuerySchema>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const id = (parsed as { id?: unknown } | null)?.id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keyset pagination over ids: fetch one row more than asked, and if it came, the last row
 * returned names the next page. Works the same newest-first or oldest-first.
 */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

/**
 * A keyset position in a list sorted by something other than the id: which sort it belongs
 * to, the last row's sort value and its id (the tie-breaker). Opaque to clients like the id
 * cursor; a cursor given out for one sort is refused under another.
 */
export interface SortCursor {
  sort: string;
  value: string | number;
  id: number;
}

export function encodeSortCursor({ sort, value, id }: SortCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, v: value, id }), 'utf8').toString('base64url');
}

export function decodeSortCursor(cursor: string): SortCursor | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown; id?: unknown } | null;
    const { s, v, id } = parsed ?? {};
    if (typeof s !== 'string' || (typeof v !== 'string' && typeof v !== 'number')) return undefined;
    if (typeof v === 'number' && !Number.isSafeInteger(v)) return undefined;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return undefined;
    return { sort: s, value: v, id };
  } catch {
    return undefined;
  }
}

/**
 * Keyset pagination over a sort value and the id: fetch one row more than asked; if it came,
 * the last row returned (its sort value and id) names the next page.
 */
export function toSortedPage<T extends { id: number }>(
  rows: T[],
  limit: number,
  sort: string,
  valueOf: (row: T) => string | number,
): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, nextCursor: hasMore && last ? encodeSortCursor({ sort, value: valueOf(last), id: last.id }) : null };
}
