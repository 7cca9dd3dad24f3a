import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { splitCsvRecords } from '@/lib/inventory/imports/csv-dialect';
import { decimalCommaToPoint, detectDelimiter, MAX_IMPORT_ROWS, readCsvTable } from '@/lib/inventory/imports/read-csv-table';

const options = { columns: ['sku', 'name', 'price', 'reorderLevel'], required: ['sku'], decimals: ['price'] };

function failure(run: () => unknown): { code: string; errors: Record<string, string> | undefined } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, errors: error.details.fieldErrors };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('CSV dialect detection', () => {
  it('reads the delimiter off the header line, outside quotes', () => {
    expect(detectDelimiter('sku,name,price\r\nA;B,x;y,1')).toBe(',');
    expect(detectDelimiter('sku;name;price\nA,1;x,y;4,50')).toBe(';');
    expect(detectDelimiter('\uFEFFsku;name\n')).toBe(';');
    expect(detectDelimiter('"a,b";"c,d";e\n')).toBe(';');
    expect(detectDelimiter('sku\nA-1\n')).toBe(',');
  });

  it('turns a decimal comma into a point only in a plain decimal', () => {
    expect(decimalCommaToPoint('4,50')).toBe('4.50');
    expect(decimalCommaToPoint('-0,5')).toBe('-0.5');
    expect(decimalCommaToPoint('1.234,50')).toBe('1.234,50');
    expect(decimalCommaToPoint('a,b')).toBe('a,b');
  });

  it('reads a semicolon file with a BOM, CRLF, case-insensitive headers and decimal commas in decimal columns only', () => {
    const table = readCsvTable('\uFEFFSKU;Name;PRICE;Reorder Level\r\nA-1;"Nuts; small";4,50;3\r\nB-2;Bolts;12;\r\n', options);
    expect(table.delimiter).toBe(';');
    expect(table.columns).toEqual(['sku', 'name', 'price', 'reorderLevel']);
    expect(table.rows).toEqual([
      { line: 2, cells: { sku: 'A-1', name: 'Nuts; small', price: '4.50', reorderLevel: '3' } },
      { line: 3, cells: { sku: 'B-2', name: 'Bolts', price: '12', reorderLevel: '' } },
    ]);
  });

  it('leaves a comma in a comma file alone and keeps formula-looking cells as text, undoing our own export guard', () => {
    const table = readCsvTable('sku,name,price\nA,"=1+2","4,50"\nB,\'=SUM(A1),1\n', options);
    expect(table.rows.map((row) => row.cells)).toEqual([
      { sku: 'A', name: '=1+2', price: '4,50' },
      { sku: 'B', name: '=SUM(A1)', price: '1' },
    ]);
  });

  it('skips blank rows but keeps the spreadsheet line numbers, a quoted line break included', () => {
    const table = readCsvTable('sku,name\n"A","two\nlines"\n,\n\nB,b\n', options);
    expect(table.rows.map((row) => [row.line, row.cells.sku])).toEqual([
      [2, 'A'],
      [5, 'B'],
    ]);
  });

  it('names header problems on line 1 and extra cells on their line', () => {
    expect(failure(() => readCsvTable('name,prce,name\nx,1,y\n', options))).toEqual({
      code: 'VALIDATION_FAILED',
      errors: {
        '1.prce': expect.stringContaining('Unknown column "prce"'),
        '1.name': 'The column name appears twice',
        '1.sku': 'The column sku is required',
      },
    });
    expect(failure(() => readCsvTable('sku,name\nA,a\nB,b,extra\n', options)).errors).toEqual({ '3._': 'This row has 3 cells; the header names 2' });
    expect(failure(() => readCsvTable('sku,name\n"A,a\n', options)).errors).toHaveProperty(['2._']);
    expect(failure(() => readCsvTable('', options)).code).toBe('VALIDATION_FAILED');
    expect(failure(() => readCsvTable('sku\n\n', options)).errors).toEqual({ '2._': 'There are no rows under the header' });
  });

  it('refuses more than the row limit with a 413', () => {
    expect(failure(() => readCsvTable(`sku\n${'A\n'.repeat(MAX_IMPORT_ROWS + 1)}`, options)).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('the browser preview of a file', () => {
  it('splits records as the server reads them: quotes, doubled quotes, CRLF, a BOM and line breaks in cells', () => {
    expect(splitCsvRecords('\uFEFFsku;name\r\nA;"x; ""y"""\r\nB;"two\nlines"\n\nC;', ';')).toEqual([['sku', 'name'], ['A', 'x; "y"'], ['B', 'two\nlines'], [''], ['C', '']]);
  });
});
