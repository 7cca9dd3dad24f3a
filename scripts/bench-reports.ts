import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { csvStream } from '@/lib/csv';
import { disconnectReportReader } from '@/lib/db/report-reader';
import { jsonObjectStream } from '@/lib/http/file-response';
import { streamStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { MOVEMENT_COLUMNS, VALUATION_COLUMNS, streamedValuationCsvRows } from '@/lib/inventory/reports/report-columns';
import { copyToPostgres, createLargeDatabase } from './bench-data';
import { measureInFreshProcess } from './bench-process';

/**
 * `npm run bench:reports`: 100,000 products and 1,000,000 movements on SQLite, then the
 * valuation report (JSON and CSV) and the movements CSV, each in a fresh process running the
 * compiled report code (scripts/bench-process.ts), with its time and peak resident memory
 * (VmHWM). With BENCH_POSTGRES_URL (a server where a database may be created), the same data
 * is copied to PostgreSQL (database stockroom_bench_reports) and measured there too. Prints
 * figures; asserts nothing.
 */
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const MOVEMENTS_PER_PRODUCT = 10;
const directory = join(process.cwd(), 'data/bench-reports');
const path = join(directory, `reports-${PRODUCTS}.db`);

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1_048_576;
}

/** Counts bytes and throws them away, like a client reading a download. */
function sink(): { stream: Writable; bytes: () => number; firstByteAt: () => number | undefined } {
  let bytes = 0;
  let firstByteAt: number | undefined;
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        firstByteAt ??= performance.now();
        bytes += chunk.length;
        callback();
      },
    }),
    bytes: () => bytes,
    firstByteAt: () => firstByteAt,
  };
}

async function measure(what: string): Promise<void> {
  // What the process holds before the report: Node and the report code. Reports read through
  // the driver adapter (lib/db/report-reader.ts), so Prisma's query compiler never loads.
  const baselineRssMb = process.memoryUsage().rss / 1_048_576;
  const started = performance.now();
  let rows = 0;
  let firstByteMs: number | undefined;
  let bytes = 0;
  async function* counted<Row>(source: AsyncIterable<Row>): AsyncGenerator<Row> {
    for await (const row of source) {
      rows += 1;
      yield row;
    }
  }
  if (what === 'valuation-json' || what === 'valuation-json-asof') {
    // The seeded history runs through January 2026: mid-month cuts the ledger in half.
    const valuation = streamStockValuation(what === 'valuation-json-asof' ? { asOf: '2026-01-15' } : {});
    const out = sink();
    const body = jsonObjectStream({ head: { asOf: valuation.asOf }, rows: counted(valuation.rows), tail: valuation.totals });
    await pipeline(Readable.fromWeb(body as never), out.stream);
    bytes = out.bytes();
    firstByteMs = (out.firstByteAt() ?? performance.now()) - started;
  } else if (what === 'valuation-csv') {
    const valuation = streamStockValuation();
    const out = sink();
    await pipeline(Readable.fromWeb(csvStream(VALUATION_COLUMNS, counted(streamedValuationCsvRows(valuation))) as never), out.stream);
    bytes = out.bytes();
    firstByteMs = (out.firstByteAt() ?? performance.now()) - started;
  } else {
    const out = sink();
    await pipeline(Readable.fromWeb(csvStream(MOVEMENT_COLUMNS, counted(iterateMovements({ from: undefined, toExclusive: undefined }))) as never), out.stream);
    bytes = out.bytes();
    firstByteMs = (out.firstByteAt() ?? performance.now()) - started;
  }
  const seconds = (performance.now() - started) / 1000;
  await disconnectReportReader();
  console.log(JSON.stringify({ what, seconds, baselineRssMb, peakRssMb: peakRssMb(), rows, bytes, firstByteMs }));
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === 'measure') return measure(process.argv[3] ?? '');
  mkdirSync(directory, { recursive: true });
  if (!existsSync(path)) {
    const started = performance.now();
    await createLargeDatabase({ path, products: PRODUCTS, movementsPerProduct: MOVEMENTS_PER_PRODUCT });
    console.log(`Seeded ${PRODUCTS} products and ${PRODUCTS * MOVEMENTS_PER_PRODUCT} movements in ${((performance.now() - started) / 1000).toFixed(1)} s (${path}).`);
  }
  const engines: Array<{ label: string; url: string }> = [{ label: 'SQLite', url: `file:${path}` }];
  const postgresServer = process.env.BENCH_POSTGRES_URL;
  if (postgresServer) {
    const started = performance.now();
    const url = await copyToPostgres({ sqlitePath: path, serverUrl: postgresServer, name: 'stockroom_bench_reports' });
    console.log(`Copied to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    engines.push({ label: 'PostgreSQL', url });
  }
  for (const engine of engines) {
    const results = ['valuation-json', 'valuation-json-asof', 'valuation-csv', 'movements-csv'].map((what) =>
      measureInFreshProcess<{ what: string; seconds: number; baselineRssMb: number; peakRssMb: number; rows: number; bytes: number; firstByteMs?: number }>(
        'scripts/bench-reports.ts',
        [what],
        { DATABASE_URL: engine.url },
      ),
    );
    console.log(`\nbench:reports on ${engine.label}: ${PRODUCTS} products, ${PRODUCTS * MOVEMENTS_PER_PRODUCT} movements (each report in a fresh process)\n`);
    console.log(
      `${'report'.padEnd(20)} ${'seconds'.padStart(8)} ${'RSS before MB'.padStart(14)} ${'peak RSS MB'.padStart(12)} ${'rows'.padStart(9)} ${'MB out'.padStart(8)} ${'first byte'.padStart(11)}`,
    );
    for (const result of results) {
      const first = result.firstByteMs === undefined ? '' : `${result.firstByteMs.toFixed(0)} ms`;
      console.log(`${result.what.padEnd(20)} ${result.seconds.toFixed(2).padStart(8)} ${result.baselineRssMb.toFixed(0).padStart(14)} ${result.peakRssMb.toFixed(0).padStart(12)} ${String(result.rows).padStart(9)} ${(result.bytes / 1_048_576).toFixed(1).padStart(8)} ${first.padStart(11)}`);
    }
  }
  console.log('\nTargets: valuation of 1,000,000 movements under 3 s; peak RSS under 200 MB.');
  console.log('"RSS before" is the process (plain node, compiled report code) before the report starts: the report itself adds the difference.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
