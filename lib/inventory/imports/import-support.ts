import { z } from 'zod';
import { queryBooleanSchema } from '../catalog-support';
import { AppError, type FieldErrors } from '@/lib/errors';

/** A file with thousands of bad rows answers the first ones: enough to fix, small enough to show. */
export const MAX_REPORTED_ERRORS = 1000;

export function rowErrorKey(line: number, column: string): string {
  return `${line}.${column}`;
}

export function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let offset = 0; offset < items.length; offset += size) chunks.push(items.slice(offset, offset + size));
  return chunks;
}

/** The 400 of an import with bad rows: errors in line order, the first MAX_REPORTED_ERRORS of them. */
export function importFailed(errors: FieldErrors, what: string): AppError {
  const lineOf = (key: string) => Number(key.split('.')[0]);
  const sorted = Object.entries(errors).sort(([a], [b]) => lineOf(a) - lineOf(b));
  const rows = new Set(sorted.map(([key]) => lineOf(key))).size;
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
  const more = sorted.length > shown.length ? ` The first ${MAX_REPORTED_ERRORS} problems are listed.` : '';
  return new AppError('VALIDATION_FAILED', `${rows} ${rows === 1 ? 'row needs' : 'rows need'} attention; no ${what} were imported.${more}`, {
    fieldErrors: Object.fromEntries(shown),
  });
}

/** `?dryRun=true`: answer what the import would do and write nothing. */
export const importQuerySchema = z.object({ dryRun: queryBooleanSchema('dryRun') });
