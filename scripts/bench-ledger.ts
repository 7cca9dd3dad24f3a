import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_SYNCHRONOUS } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { loadAverage, printRunHeader, requireFreshBuild, startNextServer, waitForUrl } from './bench-kit';

/**
 * `npm run bench:ledger`: three servers under the same load (autocannon, 32 connections,
 * single-movement POSTs), one after another on this machine: (a) the app under `next start`,
 * (b) an empty Next.js route handler of the same version (the framework's ceiling), (c) bare
 * node:http + better-sqlite3 doing the same guarded UPDATE + INSERT with the same durability
 * (the physical reference). Then the batch endpoint in movements per second. With
 * BENCH_POSTGRES_URL set (a server where that user may create databases), the app is measured
 * again on a fresh PostgreSQL database beside it. For each app run it prints the sizes of the
 * group-commit transactions the server wrote during the measured run (median, max, mean).
 * Refuses to measure a build older than the sources (bench-kit's requireFreshBuild: it builds
 * first, or with --no-build stops). Ports: BENCH_PORT (3301) and the three after it.
 */
const root = process.cwd();
const work = join(root, 'data/bench/ledger');
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const PRODUCTS = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3301);
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

async function load(url: string, headers: Record<string, string>, body: (index: number) => string, beforeMeasuring = () => {}): Promise<LoadResult> {
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
  beforeMeasuring();
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

interface GroupSizes {
  median: number;
  max: number;
  mean: number;
  groups: number;
}

interface AppResult {
  single: LoadResult;
  groups: GroupSizes;
  batchSequential: number;
  batchConcurrent: number;
}

/** groupSizes[n]: how many groups of n requests the server has written so far (lib/inventory/group-commit.ts). */
async function readGroupSizes(file: string): Promise<number[]> {
  // The server writes the file at most every half second.
  await new Promise((resolve) => setTimeout(resolve, 700));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as number[]) : [];
}

function summarise(before: number[], after: number[]): GroupSizes {
  const sizes: number[] = [];
  after.forEach((count, size) => {
    for (let index = 0; index < count - (before[size] ?? 0); index += 1) sizes.push(size);
  });
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return { median: sizes[Math.floor(sizes.length / 2)] ?? 0, max: sizes.at(-1) ?? 0, mean: sizes.length ? total / sizes.length : 0, groups: sizes.length };
}

async function benchApp({ url, port, label }: { url: string; port: number; label: string }): Promise<AppResult> {
  await migrate({ url });
  const groupsFile = join(work, `groups-${label}.json`);
  const server = await startNextServer({
    port,
    env: { DATABASE_URL: url, ADMIN_EMAIL: 'bench@stockroom.test', ADMIN_PASSWORD: 'bench-password-long', STOCKROOM_GROUP_SIZES_FILE: groupsFile },
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
  let before: number[] = [];
  const single = await load(
    `${base}/api/stock-movements`,
    { authorization: `Bearer ${token}` },
    (index) => JSON.stringify({ productId: productIds[index % PRODUCTS], type: 'SHIPMENT', quantity: 1 }),
    () => {
      before = existsSync(groupsFile) ? (JSON.parse(readFileSync(groupsFile, 'utf8')) as number[]) : [];
    },
  );
  const groups = summarise(before, await readGroupSizes(groupsFile));

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
  return { single, groups, batchSequential, batchConcurrent };
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
  start(join(app, 'node_modules/.bin/next'), ['start', '-p', String(PORT + 1), '-H', '127.0.0.1'], { NODE_ENV: 'production' }, app);
  await waitForUrl(`http://127.0.0.1:${PORT + 1}/api/movements`, { init: { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } } });
  const result = await load(`http://127.0.0.1:${PORT + 1}/api/movements`, {}, (index) => JSON.stringify({ productId: index % PRODUCTS, type: 'SHIPMENT', quantity: 1 }));
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
  start(process.execPath, [join(root, 'scripts/bench-bare-server.mjs'), path, String(PORT + 2), SQLITE_SYNCHRONOUS], {});
  await waitForUrl(`http://127.0.0.1:${PORT + 2}/`, { init: { method: 'POST', body: JSON.stringify({ productId: 1, quantity: 1 }) } });
  const result = await load(`http://127.0.0.1:${PORT + 2}/`, {}, (index) => JSON.stringify({ productId: (index % PRODUCTS) + 1, type: 'SHIPMENT', quantity: 1 }));
  children.pop()?.kill('SIGTERM');
  return result;
}

/** A fresh database on the BENCH_POSTGRES_URL server for one run, dropped afterwards. */
async function benchPostgres(adminUrl: string): Promise<AppResult> {
  const name = `stockroom_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await benchApp({ url: url.toString(), port: PORT + 3, label: 'postgresql' });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

function row(label: string, result: LoadResult): string {
  return `${label.padEnd(44)} ${result.rps.toFixed(0).padStart(8)} ${result.p50.toFixed(1).padStart(8)} ${result.p99.toFixed(1).padStart(8)} ${String(result.non2xx + result.errors).padStart(8)}`;
}

function groupLine(label: string, groups: GroupSizes): string {
  return `${label}: ${groups.groups} group-commit transactions, requests per group median ${groups.median}, max ${groups.max}, mean ${groups.mean.toFixed(1)}`;
}

function batchLine(label: string, result: AppResult): string {
  return `${label} batch endpoint, 1000 movements per request: ${result.batchSequential.toFixed(0)} movements/s sequential, ${result.batchConcurrent.toFixed(0)} movements/s with 4 clients (target >= 20,000)`;
}

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  printRunHeader('npm run bench:ledger');
  requireFreshBuild({ build: !process.argv.includes('--no-build') });
  const app = await benchApp({ url: `file:${join(work, 'app.db')}`, port: PORT, label: 'sqlite' });
  const postgresUrl = process.env.BENCH_POSTGRES_URL;
  const postgres = postgresUrl ? await benchPostgres(postgresUrl) : undefined;
  const empty = await benchEmptyNext();
  const bare = await benchBare();
  console.log(`\nbench:ledger on ${cpus().length} cores, Node ${process.version}, SQLite WAL synchronous=${SQLITE_SYNCHRONOUS}, ${CONNECTIONS} connections, ${DURATION_S} s each; load average now ${loadAverage()}\n`);
  console.log(`${'server'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`);
  console.log(row('(a) Stockroom POST /api/stock-movements', app.single));
  if (postgres) console.log(row('(a) the same on PostgreSQL', postgres.single));
  console.log(row('(b) empty Next.js route handler', empty));
  console.log(row('(c) node:http + better-sqlite3, same work', bare));
  console.log(`\na/b = ${(app.single.rps / empty.rps).toFixed(2)} (target >= 0.60, goal 0.80)    p99 a/b = ${(app.single.p99 / empty.p99).toFixed(2)} (target <= 3)    a/c = ${(app.single.rps / bare.rps).toFixed(3)}`);
  if (postgres) console.log(`PostgreSQL: a/b = ${(postgres.single.rps / empty.rps).toFixed(2)}    p99 a/b = ${(postgres.single.p99 / empty.p99).toFixed(2)}`);
  console.log(groupLine('SQLite', app.groups));
  if (postgres) console.log(groupLine('PostgreSQL', postgres.groups));
  console.log(batchLine('SQLite', app));
  if (postgres) console.log(batchLine('PostgreSQL', postgres));
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
