import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvStream } from '@/lib/csv';
import { disconnectDatabase } from '@/lib/db/client';
import { disconnectReportReader } from '@/lib/db/report-reader';
import { jsonObjectStream } from '@/lib/http/file-response';
import { streamStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { MOVEMENT_COLUMNS, VALUATION_COLUMNS, streamedValuationCsvRows } from '@/lib/inventory/reports/report-columns';
import { listReplenishment } from '@/lib/inventory/purchasing/list-replenishment';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { benchDatabase, copyToPostgres, DEFAULT_SHAPE } from './bench-data';
import { printRunHeader } from './bench-kit';
import { measureInFreshProcess } from './bench-process';

/**
 * `npm run bench:reports`: on the benchmark database (scripts/bench-data.ts: 100,000
 * products, 1,000,000 movements), the valuation report (JSON now and as of mid-history, CSV),
 * the movements CSV and `ledger:verify`, each in a fresh process running compiled code
 * (scripts/bench-process.ts), with its time and peak resident memory (VmHWM). With
 * BENCH_POSTGRES_URL (a server where a database may be created), the same data is copied to
 * PostgreSQL (database stockroom_bench_reports) and measured there too. Prints figures;
 * asserts nothing.
 */
/** The seeded history covers the last 365 days: half-way back cuts the ledger in two. */
const MID_HISTORY = new Date(Date.now() - 182 * 86_400_000).toISOString().slice(0, 10);

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

async function measure(what: string, asOf: string): Promise<void> {
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
    const valuation = streamStockValuation(what === 'valuation-json-asof' ? { asOf } : {});
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
  } else if (what.startsWith('replenishment')) {
    // Every row to reorder over 30 days (what "Draft orders" reads), the first page of 50 (the view), and a year's window (every shipment).
    const { data } = await listReplenishment({ days: what === 'replenishment-year' ? 365 : 30, ...(what === 'replenishment-page' ? { limit: 50 } : {}) });
    rows = data.length;
    await disconnectDatabase();
  } else if (what === 'ledger-verify') {
    const { discrepancies } = await verifyLedger();
    if (discrepancies.length > 0) throw new Error(`ledger:verify found ${discrepancies.length} differences`);
    await disconnectDatabase();
  } else {
    const out = sink();
    await pipeline(Readable.fromWeb(csvStream(MOVEMENT_COLUMNS, counted(iterateMovements({ from: undefined, to: undefined }))) as never), out.stream);
    bytes = out.bytes();
    firstByteMs = (out.firstByteAt() ?? performance.now()) - started;
  }
  const seconds = (performance.now() - started) / 1000;
  await disconnectReportReader();
  console.log(JSON.stringify({ what, seconds, baselineRssMb, peakRssMb: peakRssMb(), rows, bytes, firstByteMs }));
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === 'measure') return measure(process.argv[3] ?? '', process.argv[4] ?? MID_HISTORY);
  printRunHeader('npm run bench:reports');
  const { path } = await benchDatabase({ reseed: process.argv.includes('--reseed') });
  const engines: Array<{ label: string; url: string }> = [{ label: 'SQLite', url: `file:${path}` }];
  const postgresServer = process.env.BENCH_POSTGRES_URL;
  if (postgresServer) {
    const started = performance.now();
    const url = await copyToPostgres({ sqlitePath: path, serverUrl: postgresServer, name: 'stockroom_bench_reports' });
    console.log(`Copied to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    engines.push({ label: 'PostgreSQL', url });
  }
  for (const engine of engines) {
    const results = (process.env.BENCH_REPORTS?.split(',') ?? ['valuation-json', 'valuation-json-asof', 'valuation-csv', 'movements-csv', 'ledger-verify', 'replenishment', 'replenishment-page', 'replenishment-year']).map((what) =>
      measureInFreshProcess<{ what: string; seconds: number; baselineRssMb: number; peakRssMb: number; rows: number; bytes: number; firstByteMs?: number }>(
        'scripts/bench-reports.ts',
        [what, MID_HISTORY],
        { DATABASE_URL: engine.url },
      ),
    );
    console.log(
      `\nbench:reports on ${engine.label}: ${DEFAULT_SHAPE.products.toLocaleString('en')} products, ${DEFAULT_SHAPE.movements.toLocaleString('en')} movements; mid-history is ${MID_HISTORY} (each in a fresh process)\n`,
    );
    console.log(
      `${'report'.padEnd(20)} ${'seconds'.padStart(8)} ${'RSS before MB'.padStart(14)} ${'peak RSS MB'.padStart(12)} ${'rows'.padStart(9)} ${'MB out'.padStart(8)} ${'first byte'.padStart(11)}`,
    );
    for (const result of results) {
      const first = result.firstByteMs === undefined ? '' : `${result.firstByteMs.toFixed(0)} ms`;
      console.log(`${result.what.padEnd(20)} ${result.seconds.toFixed(2).padStart(8)} ${result.baselineRssMb.toFixed(0).padStart(14)} ${result.peakRssMb.toFixed(0).padStart(12)} ${String(result.rows).padStart(9)} ${(result.bytes / 1_048_576).toFixed(1).padStart(8)} ${first.padStart(11)}`);
    }
  }
  console.log('\nTargets: valuation of 1,000,000 movements under 3 s; peak RSS under 200 MB; replenishment under 1 s. ledger-verify and replenishment run through the Prisma client (their RSS includes it).');
  console.log('BENCH_REPORTS=replenishment,replenishment-page (a comma-separated list) measures only those.');
  console.log('"RSS before" is the process (plain node, compiled report code) before the report starts: the report itself adds the difference.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
