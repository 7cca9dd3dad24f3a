import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { SQLITE_SYNCHRONOUS } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { printRunHeader, requireFreshBuild, startNextServer, waitForUrl } from './bench-kit';

/**
 * `npm run bench:ledger`: three servers under the same load (autocannon, 32 connections,
 * single-movement POSTs), one after another on this machine: (a) the app under `next start`,
 * (b) an empty Next.js route handler of the same version (the framework's ceiling), (c) bare
 * node:http + better-sqlite3 doing the same guarded UPDATE + INSERT with the same durability
 * (the physical reference). Then the batch endpoint in movements per second. Prints figures.
 */
const root = process.cwd();
const work = join(root, 'data/bench/ledger');
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const PRODUCTS = 20;
const children: ChildProcess[] = [];

process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

function start(command: string, args: string[], env: Record<string, string>, cwd = root): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, body: (index: number) => string): Promise<LoadResult> {
  let counter = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      requests: [{ setupRequest: (request) => ({ ...request, body: body(counter++) }) }],
    });
  await run(2);
  const result = await run(DURATION_S);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function api(base: string, path: string, token: string, payload: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function benchApp(): Promise<{ single: LoadResult; batchSequential: number; batchConcurrent: number }> {
  requireFreshBuild({ build: !process.argv.includes('--no-build') });
  const url = `file:${join(work, 'app.db')}`;
  await migrate({ url });
  const server = await startNextServer({
    port: Number(process.env.BENCH_PORT ?? 3301),
    env: { DATABASE_URL: url, ADMIN_EMAIL: 'bench@stockroom.test', ADMIN_PASSWORD: 'bench-password-long' },
  });
  const { base } = server;
  const tokenResponse = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@stockroom.test', password: 'bench-password-long', name: 'bench' }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  const productIds: number[] = [];
  for (let index = 0; index < 100; index += 1) {
    const product = (await api(base, '/api/products', token, { sku: `BENCH-${index}`, name: `Bench item ${index}`, price: '1.00' })) as { id: number };
    productIds.push(product.id);
    await api(base, '/api/stock-movements', token, { productId: product.id, type: 'RECEIPT', quantity: 1_000_000_000 });
  }
  const single = await load(`${base}/api/stock-movements`, { authorization: `Bearer ${token}` }, (index) =>
    JSON.stringify({ productId: productIds[index % PRODUCTS], type: 'SHIPMENT', quantity: 1 }),
  );

  const batch = JSON.stringify({ movements: Array.from({ length: 1000 }, (_, index) => ({ productId: productIds[index % 100], type: 'SHIPMENT', quantity: 1 })) });
  const postBatch = async () => {
    const response = await fetch(`${base}/api/stock-movements/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: batch });
    if (response.status !== 201) throw new Error(`batch: ${response.status}`);
    await response.arrayBuffer();
  };
  await postBatch();
  let started = performance.now();
  for (let round = 0; round < 20; round += 1) await postBatch();
  const batchSequential = (20 * 1000) / ((performance.now() - started) / 1000);
  started = performance.now();
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let round = 0; round < 5; round += 1) await postBatch();
  }));
  const batchConcurrent = (20 * 1000) / ((performance.now() - started) / 1000);
  server.stop();
  return { single, batchSequential, batchConcurrent };
}

async function benchEmptyNext(): Promise<LoadResult> {
  // A throw-away app outside the project that borrows the project's node_modules (offline);
  // Turbopack's root is widened so that it may follow that link.
  const app = join(tmpdir(), 'stockroom-bench-empty-next');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(join(app, 'app/api/movements'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-next-app', private: true }));
  writeFileSync(join(app, 'next.config.mjs'), "export default { turbopack: { root: '/' } };\n");
  writeFileSync(join(app, 'app/layout.tsx'), 'export default function Layout({ children }: { children: React.ReactNode }) { return <html><body>{children}</body></html>; }\n');
  writeFileSync(
    join(app, 'app/api/movements/route.ts'),
    "export async function POST(request: Request) {\n  await request.json();\n  return Response.json({ ok: true }, { status: 201 });\n}\n",
  );
  const build = spawnSync(join(app, 'node_modules/.bin/next'), ['build'], { cwd: app, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('the empty Next.js app did not build');
  start(join(app, 'node_modules/.bin/next'), ['start', '-p', '3302', '-H', '127.0.0.1'], { NODE_ENV: 'production' }, app);
  await waitForUrl('http://127.0.0.1:3302/api/movements', { init: { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } } });
  const result = await load('http://127.0.0.1:3302/api/movements', {}, (index) => JSON.stringify({ productId: index % PRODUCTS, type: 'SHIPMENT', quantity: 1 }));
  children.pop()?.kill('SIGTERM');
  return result;
}

async function benchBare(): Promise<LoadResult> {
  const path = join(work, 'bare.db');
  await migrate({ url: `file:${path}` });
  const database = new Database(path);
  const now = new Date().toISOString();
  database.prepare("INSERT INTO users (email, name, password_hash, role, updated_at) VALUES ('bare@bench', 'Bare', 'x', 'ADMIN', ?)").run(now);
  for (let id = 1; id <= PRODUCTS; id += 1) {
    database.prepare('INSERT INTO products (sku, sku_key, name, price_cents, updated_at) VALUES (?, ?, ?, 100, ?)').run(`B-${id}`, `b-${id}`, `Bare ${id}`, now);
    database.prepare('INSERT INTO stock_levels (product_id, location_id, on_hand, updated_at) VALUES (?, 1, 2000000000, ?)').run(id, now);
  }
  database.close();
  start(process.execPath, [join(root, 'scripts/bench-bare-server.mjs'), path, '3303', SQLITE_SYNCHRONOUS], {});
  await waitForUrl('http://127.0.0.1:3303/', { init: { method: 'POST', body: JSON.stringify({ productId: 1, quantity: 1 }) } });
  const result = await load('http://127.0.0.1:3303/', {}, (index) => JSON.stringify({ productId: (index % PRODUCTS) + 1, type: 'SHIPMENT', quantity: 1 }));
  children.pop()?.kill('SIGTERM');
  return result;
}

function row(label: string, result: LoadResult): string {
  return `${label.padEnd(44)} ${result.rps.toFixed(0).padStart(8)} ${result.p50.toFixed(1).padStart(8)} ${result.p99.toFixed(1).padStart(8)} ${String(result.non2xx + result.errors).padStart(8)}`;
}

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  printRunHeader('npm run bench:ledger');
  const app = await benchApp();
  const empty = await benchEmptyNext();
  const bare = await benchBare();
  console.log(`\nbench:ledger on ${cpus().length} cores, Node ${process.version}, SQLite WAL synchronous=${SQLITE_SYNCHRONOUS}, ${CONNECTIONS} connections, ${DURATION_S} s each\n`);
  console.log(`${'server'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`);
  console.log(row('(a) Stockroom POST /api/stock-movements', app.single));
  console.log(row('(b) empty Next.js route handler', empty));
  console.log(row('(c) node:http + better-sqlite3, same work', bare));
  console.log(`\na/b = ${(app.single.rps / empty.rps).toFixed(2)} (target >= 0.80)    a/c = ${(app.single.rps / bare.rps).toFixed(3)}`);
  console.log(`batch endpoint, 1000 movements per request: ${app.batchSequential.toFixed(0)} movements/s sequential, ${app.batchConcurrent.toFixed(0)} movements/s with 4 clients (target >= 20,000)`);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
