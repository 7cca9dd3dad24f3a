import { stringify } from 'csv-stringify/sync';

/**
 * CSV as API.md asks: a header row, RFC 4180 quoting and CRLF line ends (csv-stringify),
 * UTF-8, and formula neutralisation: a text cell starting with =, +, -, @, tab or CR gets a
 * leading apostrophe so that a spreadsheet never runs it. Numeric columns stay plain numbers.
 */
export interface CsvColumn<Row> {
  header: string;
  kind: 'text' | 'number';
  value: (row: Row) => string | number | bigint | null;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const ROWS_PER_CHUNK = 500;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cells<Row>(columns: CsvColumn<Row>[], row: Row): string[] {
  return columns.map((column) => {
    const value = column.value(row);
    if (value === null) return '';
    const text = String(value);
    return column.kind === 'text' ? neutralizeFormula(text) : text;
  });
}

function records(records: string[][]): string {
  // A bare LF or CR inside a cell must be quoted too, not only the CRLF record delimiter.
  return stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** The CSV text in chunks of a few hundred rows, pulling rows only as the consumer asks. */
export async function* csvChunks<Row>(columns: CsvColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<string> {
  yield records([columns.map((column) => neutralizeFormula(column.header))]);
  let batch: string[][] = [];
  for await (const row of rows) {
    batch.push(cells(columns, row));
    if (batch.length >= ROWS_PER_CHUNK) {
      yield records(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield records(batch);
}

/** A byte stream of the CSV for a streamed HTTP answer: memory stays flat whatever the row count. */
export function csvStream<Row>(columns: CsvColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = csvChunks(columns, rows);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
