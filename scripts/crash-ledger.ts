import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { assembleStandalone, freePort, startStandalone, type StandaloneServer } from './standalone-server';

/**
 * `npm run crash:ledger [-- --rounds 20 --clients 16]`: durability under a crash. The container's
 * server (the assembled standalone folder, built first with `next build`) takes movements from
 * 16 concurrent clients (receipts, shipments, transfers between two locations) and is killed
 * with SIGKILL at a random moment (0-2 s after its first 16 answers, so always under load); then it is restarted and the database checked:
 *   - every movement answered 201 is in the ledger, with its product, location and quantity;
 *   - nothing is half-applied: every transfer has both legs, opposite and equal;
 *   - `ledger:verify` (the bundled tool of the folder) finds every level equal to its ledger.
 * Runs on SQLite, and on PostgreSQL when CRASH_POSTGRES_URL (or BENCH_POSTGRES_URL, TEST_POSTGRES_URL) names a
 * server where a database may be created. Prints rounds, acknowledged and lost per engine; exits
 * 1 when anything is lost or inconsistent.
 */
const run = promisify(execFile);
const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const ROUNDS = option('rounds', 20);
const CLIENTS = option('clients', 16);
const PRODUCTS = 12;
const ADMIN = { email: 'crash@stockroom.test', password: 'crash-ledger-password-5Z' };
const root = process.cwd();

interface Acknowledged {
  id: number;
  productId: number;
  locationId: number;
  quantity: number;
}

interface Shop {
  token: string;
  productIds: number[];
  locationIds: [number, number];
}

interface Tally {
  engine: string;
  rounds: number;
  acknowledged: number;
  lost: number;
  halfApplied: number;
  verifyFailures: number;
}

async function api(server: StandaloneServer, token: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function prepareShop(server: StandaloneServer): Promise<Shop> {
  const exchange = await api(server, '', '/api/tokens', { ...ADMIN, name: 'crash-ledger' });
  if (exchange.status !== 201) throw new Error(`Could not sign in: ${exchange.status} ${JSON.stringify(exchange.json)}`);
  const token = exchange.json.token as string;
  const locations = await api(server, token, '/api/locations');
  const first = (locations.json.data as { id: number }[])[0]?.id as number;
  const second = await api(server, token, '/api/locations', { code: 'BACK', name: 'Back room' });
  if (second.status !== 201) throw new Error(`Could not create a location: ${JSON.stringify(second.json)}`);
  const productIds: number[] = [];
  for (let index = 0; index < PRODUCTS; index += 1) {
    const product = await api(server, token, '/api/products', { sku: `CRASH-${index}`, name: `Crash product ${index}`, price: '3.00' });
    productIds.push(product.json.id as number);
    await api(server, token, '/api/stock-movements', { productId: product.json.id, type: 'RECEIPT', quantity: 1000, unitCost: '1.00', locationId: first });
  }
  return { token, productIds, locationIds: [first, second.json.id as number] };
}

/** One client: posts movements until the server dies, recording each one answered 201. */
async function client(server: StandaloneServer, shop: Shop, seed: number, acknowledged: Acknowledged[]): Promise<void> {
  for (let step = 0; ; step += 1) {
    const productId = shop.productIds[(seed * 5 + step) % shop.productIds.length] as number;
    const [here, there] = step % 2 === 0 ? shop.locationIds : [shop.locationIds[1], shop.locationIds[0]];
    const kind = (seed + step) % 3;
    const body =
      kind === 0
        ? { productId, type: 'RECEIPT', quantity: 1 + (step % 5), unitCost: '1.25', locationId: here }
        : kind === 1
          ? { productId, type: 'SHIPMENT', quantity: 1, locationId: here }
          : { productId, type: 'TRANSFER', quantity: 1, locationId: here, toLocationId: there };
    let answer: { status: number; json: Record<string, unknown> };
    try {
      answer = await api(server, shop.token, '/api/stock-movements', body);
    } catch {
      return; // The server is gone: this request was never acknowledged.
    }
    if (answer.status !== 201) continue; // e.g. 409 INSUFFICIENT_STOCK: refused, nothing to find.
    for (const row of answer.json.data as { id: number; productId: number; locationId: number; quantity: number }[]) {
      acknowledged.push({ id: row.id, productId: row.productId, locationId: row.locationId, quantity: row.quantity });
    }
  }
}

interface LedgerRow {
  id: number;
  product_id: number;
  location_id: number;
  quantity: number;
}

/** The acknowledged movements missing (or different) in the ledger, and transfers not whole. */
async function inspect(url: string, acknowledged: Acknowledged[]): Promise<{ lost: number; halfApplied: number }> {
  const transferSql = `SELECT "transfer_id" FROM "stock_movements" WHERE "transfer_id" IS NOT NULL
     GROUP BY "transfer_id" HAVING COUNT(*) <> 2 OR SUM("quantity") <> 0`;
  let rows: LedgerRow[];
  let broken: number;
  if (url.startsWith('file:')) {
    const database = new Sqlite(url.slice('file:'.length), { readonly: true });
    try {
      rows = database.prepare('SELECT "id", "product_id", "location_id", "quantity" FROM "stock_movements"').all() as LedgerRow[];
      broken = database.prepare(transferSql).all().length;
    } finally {
      database.close();
    }
  } else {
    const database = new pg.Client({ connectionString: url });
    await database.connect();
    try {
      rows = (await database.query<LedgerRow>('SELECT "id", "product_id", "location_id", "quantity" FROM "stock_movements"')).rows;
      broken = (await database.query(transferSql)).rowCount ?? 0;
    } finally {
      await database.end();
    }
  }
  const ledger = new Map(rows.map((row) => [Number(row.id), row]));
  const lost = acknowledged.filter((movement) => {
    const row = ledger.get(movement.id);
    return !row || Number(row.product_id) !== movement.productId || Number(row.location_id) !== movement.locationId || Number(row.quantity) !== movement.quantity;
  }).length;
  return { lost, halfApplied: broken };
}

async function freshDatabase(engine: 'sqlite' | 'postgresql', serverUrl?: string): Promise<string> {
  if (engine === 'sqlite') {
    const directory = join(root, 'data/crash-ledger');
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    return `file:${join(directory, 'ledger.db')}`;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS "stockroom_crash_ledger" WITH (FORCE)');
  await admin.query('CREATE DATABASE "stockroom_crash_ledger"');
  await admin.end();
  const url = new URL(serverUrl as string);
  url.pathname = '/stockroom_crash_ledger';
  return url.toString();
}

async function crashRounds(folder: string, engine: 'sqlite' | 'postgresql', serverUrl?: string): Promise<Tally> {
  const url = await freshDatabase(engine, serverUrl);
  const env = { DATABASE_URL: url, EXPORT_DIR: join(root, 'data/crash-ledger/exports'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' };
  const port = await freePort();
  let server = await startStandalone({ folder, env, port });
  const shop = await prepareShop(server);
  const tally: Tally = { engine, rounds: 0, acknowledged: 0, lost: 0, halfApplied: 0, verifyFailures: 0 };
  for (let round = 1; round <= ROUNDS; round += 1) {
    const acknowledged: Acknowledged[] = [];
    const clients = Array.from({ length: CLIENTS }, (_, seed) => client(server, shop, seed + round * CLIENTS, acknowledged));
    // A freshly started server answers its first requests slowly: the random moment is counted
    // from the first acknowledgements, so that every round kills a server under full load.
    const warm = Date.now() + 30_000;
    while (acknowledged.length < CLIENTS && Date.now() < warm) await new Promise((resolve) => setTimeout(resolve, 20));
    const delay = Math.floor(Math.random() * 2_000);
    await new Promise((resolve) => setTimeout(resolve, delay));
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(clients);

    server = await startStandalone({ folder, env, port });
    const { lost, halfApplied } = await inspect(url, acknowledged);
    const verified = await run(process.execPath, [join(folder, 'scripts/ledger-verify.mjs')], { cwd: folder, env: { ...process.env, DATABASE_URL: url } }).then(
      () => true,
      (error: { stdout?: string; stderr?: string }) => {
        console.error(`  ledger:verify failed: ${error.stderr ?? ''}${error.stdout ?? ''}`);
        return false;
      },
    );
    tally.rounds += 1;
    tally.acknowledged += acknowledged.length;
    tally.lost += lost;
    tally.halfApplied += halfApplied;
    if (!verified) tally.verifyFailures += 1;
    console.log(
      `  ${engine} round ${String(round).padStart(2)}: killed ${String(delay).padStart(4)} ms after the first ${CLIENTS} answers, ${String(acknowledged.length).padStart(4)} acknowledged, lost ${lost}, half-applied transfers ${halfApplied}, ledger:verify ${verified ? 'clean' : 'FAILED'}`,
    );
  }
  server.child.kill('SIGTERM');
  await server.exited;
  return tally;
}

async function main(): Promise<number> {
  console.log(`npm run crash:ledger at ${new Date().toISOString()}: ${ROUNDS} round(s) per engine, ${CLIENTS} clients, SIGKILL at a random moment`);
  const folder = assembleStandalone(join(root, 'build/standalone-crash'));
  const postgres = process.env.CRASH_POSTGRES_URL || process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
  const tallies = [await crashRounds(folder, 'sqlite')];
  if (postgres) tallies.push(await crashRounds(folder, 'postgresql', postgres));
  else console.log('PostgreSQL SKIPPED: set CRASH_POSTGRES_URL (or BENCH_POSTGRES_URL, TEST_POSTGRES_URL) to a server where a database may be created.');
  console.log('\nengine      rounds  acknowledged  lost  half-applied  ledger:verify failures');
  for (const t of tallies) {
    console.log(`${t.engine.padEnd(10)}  ${String(t.rounds).padStart(6)}  ${String(t.acknowledged).padStart(12)}  ${String(t.lost).padStart(4)}  ${String(t.halfApplied).padStart(12)}  ${String(t.verifyFailures).padStart(22)}`);
  }
  return tallies.every((t) => t.lost === 0 && t.halfApplied === 0 && t.verifyFailures === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
