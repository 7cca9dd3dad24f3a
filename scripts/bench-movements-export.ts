import { readdirSync, readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvStream } from '@/lib/csv';
import { disconnectReportReader } from '@/lib/db/report-reader';
import { jsonArrayStream } from '@/lib/http/file-response';
import { presentMovement } from '@/lib/inventory/present';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { MOVEMENT_COLUMNS } from '@/lib/inventory/reports/report-columns';
import { benchDatabase, DEFAULT_SHAPE } from './bench-data';
import { printRunHeader, requireFreshBuild, startNextServer } from './bench-kit';
import { measureInFreshProcess } from './bench-process';

/**
 * The movements export at scale: on the benchmark database (scripts/bench-data.ts: 1,000,000
 * movements), exports every movement as CSV and JSON through the lib functions (each in a
 * fresh process on compiled code, scripts/bench-process.ts) and over HTTP against
 * `next start` (a build current with the sources is made first; --no-build refuses a stale
 * one; skipped with BENCH_HTTP=0), printing time to first byte, time to the first data
 * row, total time and peak RSS. The server's RSS is sampled over its whole process tree.
 * Last, a client that drops the download after the first megabyte: the CPU the server spends
 * in the next seconds shows whether the database work stopped. Prints figures; asserts nothing.
 *
 * While the CSV downloads, GET /api/health is asked every 100 ms: its slowest answer shows
 * whether the export leaves the server free to answer everyone else.
 *
 * Usage: npm run bench:exports   (BENCH_PORT, default 3330)
 */
const MOVEMENTS = DEFAULT_SHAPE.movements;
const port = Number(process.env.BENCH_PORT ?? 3330);

type Format = 'csv' | 'json';
interface Figures {
  what: string;
  firstByteMs: number;
  firstRowMs: number;
  seconds: number;
  peakRssMb: number;
  baselineRssMb: number;
  bytes: number;
}

function vmKb(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** A process and all its descendants (next start may fork its server). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function treeRssMb(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + vmKb(pid, 'VmRSS'), 0) / 1024;
}

/** User plus system CPU seconds of a process tree. */
function treeCpuSeconds(root: number): number {
  const ticks = processTree(root).reduce((sum, pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + Number(fields[11]) + Number(fields[12]);
    } catch {
      return sum;
    }
  }, 0);
  return ticks / 100;
}

/** In a fresh process: the lib's row iterator into the same streams the route answers with. */
async function measureLib(format: Format): Promise<void> {
  const baselineRssMb = vmKb('self', 'VmRSS') / 1024;
  const started = performance.now();
  let firstRowMs = 0;
  let firstByteMs = 0;
  let bytes = 0;
  const rows = (async function* () {
    for await (const row of iterateMovements({ from: undefined, to: undefined })) {
      firstRowMs ||= performance.now() - started;
      yield row;
    }
  })();
  const body =
    format === 'csv'
      ? csvStream(MOVEMENT_COLUMNS, rows)
      : jsonArrayStream(rows, (row) => ({ ...presentMovement(row), sku: row.sku, locationCode: row.locationCode }));
  await pipeline(
    Readable.fromWeb(body as never),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        firstByteMs ||= performance.now() - started;
        bytes += chunk.length;
        callback();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await disconnectReportReader();
  const figures: Figures = { what: `lib ${format}`, firstByteMs, firstRowMs, seconds, peakRssMb: vmKb('self', 'VmHWM') / 1024, baselineRssMb, bytes };
  console.log(JSON.stringify(figures));
}

async function download(url: string, token: string, { stopAfterBytes }: { stopAfterBytes?: number } = {}) {
  const controller = new AbortController();
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  const headerBytes = url.includes('format=csv') ? MOVEMENT_COLUMNS.map((column) => column.header).join(',').length + 2 : '{"data":['.length;
  const reader = response.body!.getReader();
  let bytes = 0;
  let firstByteMs = 0;
  let firstRowMs = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    firstByteMs ||= performance.now() - started;
    if (bytes > headerBytes) firstRowMs ||= performance.now() - started;
    if (stopAfterBytes !== undefined && bytes >= stopAfterBytes) {
      controller.abort();
      break;
    }
  }
  return { bytes, firstByteMs, firstRowMs, seconds: (performance.now() - started) / 1000 };
}

/** Asks GET /api/health every 100 ms until stopped; the answer times in ms. */
function probeHealth(): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.arrayBuffer());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

async function measureHttp(path: string, token: string): Promise<{ figures: Figures[]; afterAbortCpu: number; duringExportCpuRate: number; healthMs: number[] }> {
  const running = await startNextServer({ port, env: { DATABASE_URL: `file:${path}` } });
  const server = running.child;
  try {
    const base = `http://127.0.0.1:${port}/api/reports/movements`;
    // Warm the route (compilation caches, the database connection) on a small filtered file.
    await download(`${base}?format=csv&productId=1`, token);
    const figures: Figures[] = [];
    let cpuRate = 0;
    let healthMs: number[] = [];
    for (const format of ['csv', 'json'] as const) {
      const health = format === 'csv' ? probeHealth() : undefined;
      const baselineRssMb = treeRssMb(server.pid!);
      let peakRssMb = baselineRssMb;
      const sampler = setInterval(() => {
        peakRssMb = Math.max(peakRssMb, treeRssMb(server.pid!));
      }, 50);
      const cpuBefore = treeCpuSeconds(server.pid!);
      const result = await download(`${base}?format=${format}`, token);
      clearInterval(sampler);
      if (health) healthMs = await health.stop();
      cpuRate = (treeCpuSeconds(server.pid!) - cpuBefore) / result.seconds;
      figures.push({ what: `http ${format}`, ...result, peakRssMb, baselineRssMb });
    }
    await download(`${base}?format=csv`, token, { stopAfterBytes: 1_048_576 });
    const cpuAtAbort = treeCpuSeconds(server.pid!);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return { figures, afterAbortCpu: treeCpuSeconds(server.pid!) - cpuAtAbort, duringExportCpuRate: cpuRate, healthMs };
  } finally {
    running.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'measure') return measureLib(process.argv[3] as Format);
  printRunHeader('npm run bench:exports');
  const { path, token } = await benchDatabase({ reseed: process.argv.includes('--reseed') });
  const results: Figures[] = (['csv', 'json'] as const).map((format) =>
    measureInFreshProcess<Figures>('scripts/bench-movements-export.ts', [format], { DATABASE_URL: `file:${path}` }),
  );
  let abortLine = '';
  let healthLine = '';
  if (process.env.BENCH_HTTP !== '0') {
    requireFreshBuild({ build: !process.argv.includes('--no-build') });
    const http = await measureHttp(path, token);
    results.push(...http.figures);
    const sorted = [...http.healthMs].sort((a, b) => a - b);
    healthLine = `GET /api/health during the CSV download: ${sorted.length} answers, median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(0)} ms.`;
    abortLine = `Client dropped the CSV after 1 MB: the server then used ${http.afterAbortCpu.toFixed(2)} CPU s in 3 s (while exporting: ${http.duringExportCpuRate.toFixed(2)} CPU s per s).`;
  }
  console.log(`\nMovements export of ${MOVEMENTS.toLocaleString('en')} movements on SQLite (lib: a fresh process each; http: next start, RSS of the server's process tree)\n`);
  console.log(`${'export'.padEnd(10)} ${'first byte'.padStart(11)} ${'first row'.padStart(10)} ${'total s'.padStart(8)} ${'rows/s'.padStart(8)} ${'RSS before'.padStart(11)} ${'peak RSS MB'.padStart(12)} ${'MB out'.padStart(7)}`);
  for (const result of results) {
    console.log(
      `${result.what.padEnd(10)} ${`${result.firstByteMs.toFixed(0)} ms`.padStart(11)} ${`${result.firstRowMs.toFixed(0)} ms`.padStart(10)} ${result.seconds.toFixed(2).padStart(8)} ${Math.round(MOVEMENTS / result.seconds).toString().padStart(8)} ${result.baselineRssMb.toFixed(0).padStart(11)} ${result.peakRssMb.toFixed(0).padStart(12)} ${(result.bytes / 1_048_576).toFixed(1).padStart(7)}`,
    );
  }
  if (healthLine) console.log(`\n${healthLine}`);
  if (abortLine) console.log(abortLine);
  console.log('\nTarget: peak RSS under 200 MB while exporting 1,000,000 movements; the first byte before the query finishes.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
