import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvChunks, csvRecords, neutralizeFormula, type CsvColumn } from '@/lib/csv';

interface Row {
  name: string;
  quantity: number;
}

const columns: CsvColumn<Row>[] = [
  { header: 'name', kind: 'text', value: (row) => row.name },
  { header: 'quantity', kind: 'number', value: (row) => row.quantity },
];

async function csv(rows: Row[]): Promise<string> {
  let text = '';
  for await (const chunk of csvChunks(columns, rows)) text += chunk;
  return text;
}

describe('CSV', () => {
  it('quotes commas, quotes and newlines as RFC 4180 says, with CRLF records', async () => {
    expect(await csv([{ name: 'Nails, 5 cm', quantity: 3 }, { name: 'The "big" one', quantity: 1 }, { name: 'two\nlines', quantity: 2 }])).toBe(
      'name,quantity\r\n"Nails, 5 cm",3\r\n"The ""big"" one",1\r\n"two\nlines",2\r\n',
    );
  });

  it('keeps non-ASCII text as UTF-8', async () => {
    expect(await csv([{ name: 'Crème brûlée 焙煎', quantity: 4 }])).toContain('Crème brûlée 焙煎,4');
  });

  it('neutralises formulas in text cells but leaves numbers, negative ones included, alone', async () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(neutralizeFormula('Plain')).toBe('Plain');
    const text = await csv([{ name: '=HYPERLINK("http://x")', quantity: -5 }]);
    expect(text).toBe('name,quantity\r\n"\'=HYPERLINK(""http://x"")",-5\r\n');
  });

  it('emits large inputs in several chunks', async () => {
    const rows = Array.from({ length: 1_200 }, (_, index) => ({ name: `item ${index}`, quantity: index }));
    let chunks = 0;
    for await (const _chunk of csvChunks(columns, rows)) chunks += 1;
    expect(chunks).toBeGreaterThan(2);
  });

  it('writes the same bytes as csv-stringify for any cells, quotes, commas, CR, LF and non-ASCII included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\r', '\n', '\t', '=', "'", 'é', '焙', '😀') });
    const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(records, (rows) => {
        const width = rows[0]!.length;
        const rectangular = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));
        expect(csvRecords(rectangular)).toBe(stringify(rectangular, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }));
      }),
      { numRuns: 2_000 },
    );
  });
});
