import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BENCH_ADMIN, benchDatabase, DEFAULT_SHAPE, hotProductId } from './bench-data';
import { distDir, figures, printRunHeader, requireFreshBuild, startNextServer, time } from './bench-kit';

/**
 * `npm run bench:archive [-- --no-build | --reuse-build]`
 *
 * Issue 18's goal: archive 900,000 of 1,000,000 movements on SQLite in under 60 s while the
 * server keeps answering, and the product page with a long history gets faster afterwards.
 * Prints figures; asserts nothing.
 *
 * 1. Copies the benchmark database (scripts/bench-data.ts, seeded when missing) to a scratch
 *    file and migrates it, so the shared one is never archived.
 * 2. Starts `next start` on the copy (the build is made when missing or stale, as bench:pages
 *    does), signs in, and times the hot product's page (20,000 movements).
 * 3. Archives, in this process, every movement created before the day of the 900,000th one,
 *    while a worker thread asks the server for /api/health every 25 ms: the server is a second
 *    process, so each archive batch holds SQLite's one write lock against it. The probe has
 *    its own event loop: better-sqlite3 runs each batch synchronously, and a probe on this
 *    thread would time the archive's batches instead of the server (it measured a median of
 *    855 ms that way, four event-loop turns of about 210 ms each).
 * 4. Prints the archive's time, the health probe's latencies during it, the product page
 *    again, and ledger:verify with the archive included.
 */

const PORT = Number(process.env.BENCH_PORT ?? 3460);
const ITERATIONS = 20;
const TARGET_ARCHIVED = Math.round(DEFAULT_SHAPE.movements * 0.9);
const HOT = hotProductId(DEFAULT_SHAPE.products);
const args = process.argv.slice(2);

/** The probe's loop, in a worker thread of its own (see 3. above). */
const HEALTH_PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let probing = true;
parentPort.once('message', () => { probing = false; });
(async () => {
  const latencies = [];
  let failures = 0;
  while (probing) {
    const started = performance.now();
    try {
      const response = await fetch(workerData.url);
      await response.arrayBuffer();
      if (response.status !== 200) failures += 1;
    } catch {
      failures += 1;
    }
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  parentPort.postMessage({ latencies, failures });
})();
`;

function startHealthProbe(url: string): { stop: () => Promise<{ latencies: number[]; failures: number }> } {
  const worker = new Worker(HEALTH_PROBE, { eval: true, workerData: { url } });
  const result = new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const answer = await result;
      await worker.terminate();
      return answer;
    },
  };
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const ms = (value: number) => `${value.toFixed(1)} ms`;

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
}

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, callbackUrl: `${base}/` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return session;
}

async function productPage(base: string, cookie: string) {
  return time(
    async () => {
      const response = await fetch(`${base}/products/${HOT}`, { headers: { cookie }, redirect: 'manual' });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`/products/${HOT}: ${response.status}`);
      return html;
    },
    { iterations: ITERATIONS, warmup: 3 },
  );
}

/** Copies the seeded database (and its WAL, if any) to a scratch file and applies any newer migration. */
async function scratchCopy(): Promise<string> {
  const seeded = join(process.cwd(), 'data/bench', `shop-${DEFAULT_SHAPE.products}-${DEFAULT_SHAPE.movements}.db`);
  if (!existsSync(seeded)) await benchDatabase();
  const directory = join(process.cwd(), 'data/bench/archive');
  mkdirSync(directory, { recursive: true });
  const scratch = join(directory, 'shop.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
  const source = new Database(seeded, { readonly: true });
  await source.backup(scratch);
  source.close();
  copyFileSync(`${seeded}.token`, `${scratch}.token`);
  const { migrate } = await import('@/lib/db/migrate');
  await migrate({ url: `file:${scratch}` });
  return scratch;
}

async function main(): Promise<void> {
  printRunHeader('npm run bench:archive');
  console.log(`  uptime  ${uptime()}`);
  const scratch = await scratchCopy();
  process.env.DATABASE_URL = `file:${scratch}`;
  const raw = new Database(scratch, { readonly: true });
  const count = () => (raw.prepare('SELECT COUNT(*) AS n FROM stock_movements').get() as { n: number }).n;
  const total = count();
  const pivot = raw.prepare('SELECT created_at FROM stock_movements ORDER BY id LIMIT 1 OFFSET ?').get(TARGET_ARCHIVED - 1) as { created_at: string };
  const before = pivot.created_at.slice(0, 10);
  console.log(`\nScratch copy ${scratch}: ${total.toLocaleString('en')} movements; archiving those created before ${before} (UTC, the bench shop's zone).`);

  // The archive runs in this process; the server only answers the probe and the product page.
  // --reuse-build measures with the build as it is (say so when quoting its page figures).
  if (args.includes('--reuse-build') && existsSync(join(distDir(), 'BUILD_ID'))) console.log(`Reusing the build in ${distDir()} as it is (--reuse-build).`);
  else requireFreshBuild({ build: !args.includes('--no-build') });
  const server = await startNextServer({ port: PORT, env: { DATABASE_URL: `file:${scratch}`, LOG_LEVEL: 'warn' } });
  try {
    const cookie = await signIn(server.base);
    const pageBefore = await productPage(server.base, cookie);

    const { archiveLedger } = await import('@/lib/inventory/ledger/archive-ledger');
    const { verifyLedger } = await import('@/lib/inventory/verify-ledger');
    const { disconnectDatabase } = await import('@/lib/db/client');

    const probe = startHealthProbe(`${server.base}/api/health`);
    const started = performance.now();
    let batches = 0;
    const { answer } = await archiveLedger({
      before,
      actorId: null,
      afterBatch: () => {
        batches += 1;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const { latencies, failures } = await probe.stop();

    const pageAfter = await productPage(server.base, cookie);
    const verifyStarted = performance.now();
    const verified = await verifyLedger({ includeArchive: true });
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    await disconnectDatabase();

    const health = figures(latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`\nbench:archive (SQLite, ${total.toLocaleString('en')} movements)`);
    console.log(`  archived          ${answer.archived.toLocaleString('en')} movements in ${seconds.toFixed(1)} s (${batches} batches, ${answer.checkpoints.toLocaleString('en')} checkpoints; goal < 60 s: ${seconds < 60 ? 'PASS' : 'FAIL'})`);
    console.log(`  live after        ${count().toLocaleString('en')} movements`);
    console.log(`  /api/health       ${latencies.length} probes meanwhile: median ${ms(health.median)}, p95 ${ms(health.p95)}, max ${ms(sorted.at(-1) ?? Number.NaN)}, ${failures} failed`);
    console.log(`  product ${HOT} page  before: median ${ms(pageBefore.median)}, p95 ${ms(pageBefore.p95)}; after: median ${ms(pageAfter.median)}, p95 ${ms(pageAfter.p95)}`);
    console.log(`  ledger:verify --include-archive: ${verified.discrepancies.length} differences (${verifySeconds.toFixed(1)} s)`);
    console.log(`  uptime            ${uptime()}`);
  } finally {
    raw.close();
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
