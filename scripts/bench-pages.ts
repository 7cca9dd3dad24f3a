import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { disconnectDatabase } from '@/lib/db/client';
import { countActiveAlerts } from '@/lib/inventory/count-active-alerts';
import { getDashboardSummary } from '@/lib/inventory/get-dashboard-summary';
import { getLocationStockTotals } from '@/lib/inventory/get-location-stock-totals';
import { getProduct } from '@/lib/inventory/get-product';
import { listLedgerEntries } from '@/lib/inventory/list-ledger-entries';
import { listMovements, movementFilterSchema } from '@/lib/inventory/list-movements';
import { listProducts } from '@/lib/inventory/list-products';
import { countLowStockProducts } from '@/lib/inventory/reports/count-low-stock-products';
import { getLowStockReport } from '@/lib/inventory/reports/get-low-stock-report';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { BENCH_ADMIN, benchDatabase, DEFAULT_SHAPE, hotProductId, RARE_WORD } from './bench-data';
import { loadAverage, printRunHeader, requireFreshBuild, startNextServer, time as timeRuns, type Figures } from './bench-kit';

/**
 * `npm run bench:pages [-- --reseed] [-- --iterations=30] [-- --no-build]`
 *
 * The pages' performance goal: with 100,000 products and 1,000,000 movements, the product
 * list, a search, a product detail page, the reports and the ledger each render server-side
 * in under 150 ms at the median. Prints figures; asserts nothing.
 *
 * 1. Uses the benchmark database (scripts/bench-data.ts; seeded once, --reseed for a new one).
 * 2. Profiles the lib/inventory calls behind the pages in this process, and prints SQLite's
 *    plans for their statements.
 * 3. Builds the app when the build (NEXT_DIST_DIR or .next) is missing or older than any
 *    source file; with --no-build such a build is refused. Starts `next start` on the bench
 *    database, signs in through Auth.js's credentials callback, and times whole HTML
 *    responses: the server components' render, the database queries and the streaming of the
 *    complete document, over a warm connection to 127.0.0.1. The browser's own work
 *    (hydration, painting) is not included.
 */

const SHAPE = DEFAULT_SHAPE;
const TARGET_MS = 150;
const PORT = Number(process.env.BENCH_PORT ?? 3340);
const args = process.argv.slice(2);
const ITERATIONS = Number(args.find((arg) => arg.startsWith('--iterations='))?.split('=')[1] ?? 30);
const WARMUP = 5;
let path = '';

const HOT = hotProductId(SHAPE.products);
/** A low product (below its reorder level: the detail page then looks up its alert). */
const LOW = 33 * Math.floor(SHAPE.products / 66);

const ms = (value: number) => value.toFixed(1).padStart(8);
const time = (run: () => Promise<unknown>) => timeRuns(run, { iterations: ITERATIONS, warmup: WARMUP });

// ---------------------------------------------------------------------------------------
// In-process profile of the domain calls and the plans of their statements.

const CALLS: Array<{ name: string; run: () => Promise<unknown> }> = [
  { name: 'listProducts sku, first page', run: () => listProducts({ filter: {}, sort: 'sku', limit: 25, offset: 0 }) },
  { name: `listProducts q=${RARE_WORD.toLowerCase()} (few hits)`, run: () => listProducts({ filter: { q: RARE_WORD.toLowerCase() }, sort: 'sku', limit: 25, offset: 0 }) },
  { name: 'listProducts q=kettle (many hits)', run: () => listProducts({ filter: { q: 'kettle' }, sort: 'sku', limit: 25, offset: 0 }) },
  { name: 'listProducts -updatedAt, page 40', run: () => listProducts({ filter: {}, sort: '-updatedAt', limit: 25, offset: 975 }) },
  { name: 'listProducts name, page 2000', run: () => listProducts({ filter: {}, sort: 'name', limit: 25, offset: 49_975 }) },
  { name: 'listProducts lowStock', run: () => listProducts({ filter: { lowStock: true }, sort: 'sku', limit: 25, offset: 0 }) },
  { name: 'listProducts locationId=2', run: () => listProducts({ filter: { locationId: 2 }, sort: 'sku', limit: 25, offset: 0 }) },
  { name: `getProduct ${HOT}`, run: () => getProduct({ id: HOT }) },
  { name: `listLedgerEntries product ${HOT}`, run: () => listLedgerEntries({ filter: movementFilterSchema.parse({ productId: HOT }), limit: 10 }) },
  { name: `listLedgerEntries product ${LOW}`, run: () => listLedgerEntries({ filter: movementFilterSchema.parse({ productId: LOW }), limit: 10 }) },
  { name: 'listMovements all, first page', run: () => listMovements({ filter: movementFilterSchema.parse({}), limit: 50 }) },
  { name: 'listLedgerEntries all, first page', run: () => listLedgerEntries({ filter: movementFilterSchema.parse({}), limit: 50 }) },
  { name: 'getStockValuation 20 largest + totals', run: () => getStockValuation({ limit: 20 }) },
  { name: 'getLowStockReport 50 most urgent', run: () => getLowStockReport({ limit: 50 }) },
  { name: 'countLowStockProducts', run: () => countLowStockProducts() },
  { name: 'countActiveAlerts', run: () => countActiveAlerts() },
  { name: 'getDashboardSummary', run: () => getDashboardSummary() },
  { name: 'getLocationStockTotals', run: () => getLocationStockTotals() },
];

/** The statements behind the calls above, as their SQL reads (Prisma's own text differs only in quoting and aliases). */
const PLANS: Array<{ name: string; sql: string }> = [
  { name: 'product list, sku', sql: `SELECT p.id, p.sku_key FROM products p WHERE p.deleted_at IS NULL ORDER BY p.sku_key ASC LIMIT 26 OFFSET 0` },
  {
    name: 'product search',
    sql: `SELECT p.id, p.sku_key FROM products p WHERE p.deleted_at IS NULL AND (p.sku_key LIKE '%zircon%' ESCAPE '\\' OR lower(p.name) LIKE '%zircon%' ESCAPE '\\') ORDER BY p.sku_key ASC LIMIT 26 OFFSET 0`,
  },
  { name: 'product list, -updatedAt', sql: `SELECT p.id, p.updated_at FROM products p WHERE p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.id DESC LIMIT 26 OFFSET 975` },
  { name: 'product ledger, ids', sql: `SELECT id FROM stock_movements WHERE product_id = ${HOT} ORDER BY id DESC LIMIT 11` },
  { name: 'whole ledger', sql: `SELECT * FROM stock_movements ORDER BY id DESC LIMIT 51` },
  { name: 'active alerts count', sql: `SELECT COUNT(*) FROM inventory_alerts WHERE status = 'ACTIVE'` },
  { name: 'dashboard totals', sql: `SELECT COUNT(*), SUM(on_hand) FROM products WHERE deleted_at IS NULL` },
  {
    name: 'valuation totals',
    sql: `SELECT COUNT(*), SUM(s.on_hand), SUM((CAST(s.on_hand AS BIGINT) * p.average_cost_micro_cents * 2 + 1000000) / 2000000) FROM stock_levels s JOIN products p ON p.id = s.product_id JOIN locations l ON l.id = s.location_id WHERE s.on_hand <> 0`,
  },
  { name: 'low stock, most urgent', sql: `SELECT id FROM products WHERE deleted_at IS NULL AND on_hand < reorder_level ORDER BY on_hand - reorder_level, sku_key, id LIMIT 50` },
  { name: 'location totals', sql: `SELECT location_id, SUM(on_hand), COUNT(*) FROM stock_levels WHERE on_hand > 0 GROUP BY location_id` },
];

function printPlans(): void {
  const database = new Database(path, { readonly: true });
  for (const plan of PLANS) {
    const rows = database.prepare(`EXPLAIN QUERY PLAN ${plan.sql}`).all() as Array<{ detail: string }>;
    console.log(`  ${plan.name.padEnd(26)} ${rows.map((row) => row.detail).join(' | ')}`);
  }
  database.close();
}

async function profile(label: string): Promise<void> {
  console.log(`\nDomain calls in this process (${label}; ${ITERATIONS} runs after ${WARMUP} warm-up; load average ${loadAverage()})`);
  console.log(`  ${'call'.padEnd(40)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(8)}`);
  for (const call of CALLS) {
    const result = await time(call.run);
    console.log(`  ${call.name.padEnd(40)} ${ms(result.median).padStart(9)} ${ms(result.p95)}`);
  }
  console.log(`\nSQLite query plans (${label})`);
  printPlans();
}

// ---------------------------------------------------------------------------------------
// The pages under `next start`.

const PAGES: Array<{ name: string; path: string; marker: string; goal: boolean }> = [
  { name: 'product list', path: '/products', marker: 'SKU-000001', goal: true },
  { name: `search q=${RARE_WORD.toLowerCase()} (few hits)`, path: `/products?q=${RARE_WORD.toLowerCase()}`, marker: RARE_WORD, goal: true },
  { name: 'search q=kettle (many hits)', path: '/products?q=kettle', marker: 'Kettle', goal: true },
  { name: 'list -updatedAt, page 40', path: '/products?sort=-updatedAt&page=40', marker: 'SKU-', goal: true },
  { name: 'list name, page 2000', path: '/products?sort=name&page=2000', marker: 'SKU-', goal: false },
  { name: `product detail (${SHAPE.movements / 50} movements)`, path: `/products/${HOT}`, marker: `SKU-${String(HOT).padStart(6, '0')}`, goal: true },
  { name: 'product detail, low stock', path: `/products/${LOW}`, marker: `SKU-${String(LOW).padStart(6, '0')}`, goal: false },
  { name: 'dashboard', path: '/', marker: 'Dashboard', goal: false },
  { name: 'reports', path: '/reports', marker: 'Stock valuation', goal: true },
  { name: 'movements (the ledger)', path: '/movements', marker: 'SKU-', goal: true },
];

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
}

/** Auth.js's credentials sign-in, as the login form's server action performs it. */
async function signIn(): Promise<string> {
  const base = `http://127.0.0.1:${PORT}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, callbackUrl: `${base}/` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in failed: ${response.status} ${response.headers.get('location') ?? ''}`);
  return session;
}

async function measurePages(cookie: string): Promise<Map<string, Figures>> {
  const results = new Map<string, Figures>();
  for (const page of PAGES) {
    const url = `http://127.0.0.1:${PORT}${page.path}`;
    const result = await time(async () => {
      const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
      const html = await response.text();
      if (response.status !== 200 || !html.includes(page.marker)) throw new Error(`${page.path}: status ${response.status}, marker ${page.marker} ${html.includes(page.marker) ? 'found' : 'missing'}`);
    });
    results.set(page.name, result);
  }
  return results;
}

function printTable(label: string, results: Map<string, Figures>): void {
  console.log(`\nbench:pages (${label}): full HTML of each page under next start, ${ITERATIONS} requests after ${WARMUP} warm-up, load average ${loadAverage()}`);
  console.log(`  ${'page'.padEnd(34)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(8)} ${'target'.padStart(7)}  result`);
  for (const page of PAGES) {
    const result = results.get(page.name);
    if (!result) continue;
    const verdict = page.goal ? (result.median < TARGET_MS ? 'PASS' : 'FAIL') : '(informative)';
    console.log(`  ${page.name.padEnd(34)} ${ms(result.median).padStart(9)} ${ms(result.p95)} ${`${TARGET_MS}`.padStart(7)}  ${verdict}`);
  }
}

async function main(): Promise<void> {
  printRunHeader('npm run bench:pages');
  ({ path } = await benchDatabase({ shape: SHAPE, reseed: args.includes('--reseed') }));
  process.env.DATABASE_URL = `file:${path}`;
  console.log(`Detail pages: product ${HOT} (the longest history), product ${LOW} (below its reorder level).`);

  await profile('schema as migrated');
  requireFreshBuild({ build: !args.includes('--no-build') });
  const server = await startNextServer({ port: PORT, env: { DATABASE_URL: `file:${path}`, EXPORT_DIR: join(dirname(path), 'exports') } });
  try {
    const cookie = await signIn();
    const baseline = await measurePages(cookie);
    printTable('schema as migrated', baseline);
  } finally {
    server.stop();
    await disconnectDatabase();
  }
  console.log(`\nTarget: median under ${TARGET_MS} ms for the pages marked PASS/FAIL.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
