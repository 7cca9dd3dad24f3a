export type CsvDelimiter = ',' | ';';

export const BOM = '\uFEFF';

/**
 * The delimiter of a file as spreadsheet programs write it: semicolon where the decimal mark is
 * a comma (most of Europe and South America), comma elsewhere. Decided by the header line
 * alone, whose cells are column names that hold neither: the one of the two that occurs more
 * often there, outside quotes; comma when neither does (a one-column file).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text.startsWith(BOM) ? text.slice(1) : text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}


/**
 * The records of a CSV text for showing a file beside its import's answer in the browser
 * (csv-parse needs Node's Buffer there). RFC 4180 quoting; the server's reader (read-csv-table)
 * is the one that decides what a file means, and numbers its lines the same way: record n is
 * line n, blank records included.
 */
export function splitCsvRecords(text: string, delimiter: CsvDelimiter): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}
