import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchDatabase, hotProductId } from './bench-data';
import { figures, printRunHeader, startNextServer } from './bench-kit';
import { freePort } from './standalone-server';

/**
 * `npm run bench:backup`: `npm run db:backup` of the 1,000,000-movement SQLite shop while the
 * server takes a steady load of writes (movements from 8 clients) and reads (health, product).
 * Prints how long the backup took, its size, and how the server answered before and during it:
 * the goal is a backup under 30 s with every request still answered.
 *
 *   npm run bench:backup [-- --clients 8]
 * The server is `next start` of the build in NEXT_DIST_DIR (or .next), on a copy of the seeded
 * database, so the shared benchmark file is never written to.
 */
const run = promisify(execFile);
const clientsArgument = process.argv.indexOf('--clients');
const CLIENTS = clientsArgument === -1 ? 8 : Number(process.argv[clientsArgument + 1]);
const PRODUCTS = 100_000;

interface Sample {
  at: number;
  ms: number;
  status: number;
}

async function main(): Promise<void> {
  printRunHeader('npm run bench:backup');
  const { path: seeded, token } = await benchDatabase();
  const directory = join(process.cwd(), 'data/bench-backup');
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const database = join(directory, 'shop.db');
  copyFileSync(seeded, database);
  const url = `file:${database}`;
  const server = await startNextServer({ port: await freePort(), env: { DATABASE_URL: url, EXPORT_DIR: join(directory, 'exports'), LOG_LEVEL: 'warn' } });

  const samples: Sample[] = [];
  let running = true;
  const started = performance.now();
  const timed = async (path: string, init?: RequestInit) => {
    const at = performance.now();
    const status = await fetch(`${server.base}${path}`, init).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    samples.push({ at: at - started, ms: performance.now() - at, status });
  };
  const writer = async (client: number) => {
    for (let round = 0; running; round += 1) {
      let productId = ((client * 7_919 + round * 104_729) % PRODUCTS) + 1;
      if (productId % 100 === 99) productId += 1;
      await timed('/api/stock-movements', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ productId, type: 'RECEIPT', quantity: 1, unitCost: '1.00' }),
      });
    }
  };
  const reader = async () => {
    while (running) {
      await timed('/api/health');
      await timed(`/api/products/${hotProductId(PRODUCTS)}`, { headers: { authorization: `Bearer ${token}` } });
    }
  };
  const load = [...Array.from({ length: CLIENTS }, (_, client) => writer(client)), reader()];

  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const backupStarted = performance.now() - started;
  const file = join(directory, 'shop.backup.db');
  const { stdout } = await run(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/db-backup.ts', file], { env: { ...process.env, DATABASE_URL: url } });
  const backupEnded = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  running = false;
  await Promise.all(load);
  server.stop();

  const describe = (label: string, chosen: Sample[]) => {
    const { median, p95 } = figures(chosen.map((sample) => sample.ms));
    const failed = chosen.filter((sample) => sample.status === 0 || sample.status >= 500).length;
    const seconds = (chosen.length > 0 ? Math.max(...chosen.map((sample) => sample.at)) - Math.min(...chosen.map((sample) => sample.at)) : 0) / 1000;
    console.log(
      `  ${label.padEnd(16)} ${String(chosen.length).padStart(6)} requests, ${(chosen.length / Math.max(seconds, 0.001)).toFixed(0).padStart(4)}/s, median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...chosen.map((sample) => sample.ms)).toFixed(0)} ms, failed ${failed}`,
    );
  };
  console.log(`\n${stdout.trim()}`);
  console.log(`  backup wall time (process start to exit): ${((backupEnded - backupStarted) / 1000).toFixed(2)} s; source ${(statSync(database).size / 1e6).toFixed(0)} MB`);
  console.log(`Load: ${CLIENTS} clients posting movements, 1 reading health and a product:`);
  describe('before backup', samples.filter((sample) => sample.at < backupStarted));
  describe('during backup', samples.filter((sample) => sample.at >= backupStarted && sample.at <= backupEnded));
  describe('after backup', samples.filter((sample) => sample.at > backupEnded));
  const { stdout: verified } = await run(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/ledger-verify.ts'], { env: { ...process.env, DATABASE_URL: `file:${file}` } });
  console.log(`The backup: ${verified.trim()}`);
  rmSync(directory, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
