import { parse } from 'csv-parse/sync';
import { AppError, type FieldErrors } from '@/lib/errors';
import { detectDelimiter, type CsvDelimiter } from './csv-dialect';

export { detectDelimiter, type CsvDelimiter };

/** The largest import the API takes (API.md): a bigger file is a 413 before any row is looked at. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

/** One data row: its line as a spreadsheet numbers it (the header is line 1) and its cells by column. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** The known columns the header names, in the file's order. */
  columns: string[];
  rows: CsvRow[];
}

export interface ReadCsvTableOptions {
  /** The column names of the contract, as the answers and error keys spell them. */
  columns: readonly string[];
  /** Columns the header must have. */
  required: readonly string[];
  /** Columns holding decimal amounts: a decimal comma in a semicolon file is a decimal point. */
  decimals?: readonly string[];
}

/** "Reorder level", "reorder_level" and "REORDERLEVEL" all name reorderLevel. */
function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/** A decimal written with a comma ("4,50", "-0,5") as a decimal with a point; anything else unchanged. */
export function decimalCommaToPoint(cell: string): string {
  return /^\s*-?\d+,\d+\s*$/.test(cell) ? cell.replace(',', '.') : cell;
}

/**
 * Our own CSV exports put an apostrophe before text that a spreadsheet would run as a formula
 * (lib/csv.ts); reading such a file back takes it off again, so that a round trip through the
 * export leaves "=1+2" as it was. Every cell stays text either way: nothing is evaluated.
 */
function undoFormulaGuard(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Parses an import file: UTF-8 with or without a byte order mark, comma or semicolon
 * separated (detectDelimiter), RFC 4180 quoting, a header row whose names are matched ignoring
 * case, spaces and underscores. Rows whose cells are all empty (a spreadsheet's blank rows)
 * are skipped but still counted, so that line numbers match the spreadsheet's. Every problem
 * of the header, and rows with more cells than the header, are a 400 keyed "<line>.<column>";
 * over 50,000 rows or 10 MB is a 413.
 */
export function readCsvTable(text: string, { columns, required, decimals = [] }: ReadCsvTableOptions): CsvTable {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `An import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new AppError('VALIDATION_FAILED', 'The file is not readable CSV.', {
      fieldErrors: { [`${where ?? 1}._`]: `Not readable as CSV: ${(error as Error).message.replace(/^Invalid \w+: /, '')}` },
    });
  }
  const [header, ...body] = records;
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty: it needs a header row and at least one row.', { fieldErrors: { '1._': 'The header row is missing' } });
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `An import file may have at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; this one has ${body.length.toLocaleString('en')}.`);
  }

  const known = new Map(columns.map((column) => [headerKey(column), column]));
  const errors: FieldErrors = {};
  const columnAt: Array<string | undefined> = header.map((name) => {
    const column = known.get(headerKey(name));
    if (name.trim() === '') return undefined;
    if (!column) errors[`1.${name.trim()}`] = `Unknown column "${name.trim()}"; the columns are ${columns.join(', ')}`;
    return column;
  });
  const seen = new Set<string>();
  for (const column of columnAt) {
    if (column === undefined) continue;
    if (seen.has(column)) errors[`1.${column}`] = `The column ${column} appears twice`;
    seen.add(column);
  }
  for (const column of required) if (!seen.has(column)) errors[`1.${column}`] = `The column ${column} is required`;
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', 'The header row needs attention.', { fieldErrors: errors });

  const decimalColumns = new Set(delimiter === ';' ? decimals : []);
  const rows: CsvRow[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const extra = record.slice(header.length).findIndex((cell) => cell.trim() !== '');
    if (extra >= 0) errors[`${line}._`] = `This row has ${record.length} cells; the header names ${header.length}`;
    const cells: Record<string, string> = {};
    columnAt.forEach((column, position) => {
      if (column === undefined) return;
      const raw = undoFormulaGuard(record[position] ?? '');
      cells[column] = decimalColumns.has(column) ? decimalCommaToPoint(raw) : raw;
    });
    rows.push({ line, cells });
  });
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', 'Some rows need attention; nothing was imported.', { fieldErrors: errors });
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', 'The file has a header but no rows.', { fieldErrors: { '2._': 'There are no rows under the header' } });
  return { delimiter, columns: columnAt.filter((column): column is string => column !== undefined), rows };
}
