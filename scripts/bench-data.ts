import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from '@/lib/auth/tokens';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { receive } from '@/lib/inventory/moving-average';

/**
 * The one database every benchmark that reads data uses (bench:pages, bench:reports,
 * bench:exports): a shop of 100,000 products over three locations and 1,000,000 movements, written straight through the driver with multi-row INSERTs in one
 * transaction (INSERT only, so the ledger's append-only triggers never fire). The ledger's
 * rules hold by construction: every balance_after, stock level and products.on_hand follows
 * from the movements, nothing goes negative, and exactly the products below their reorder
 * level have one ACTIVE alert.
 *
 * Shaped like a real catalogue rather than uniform rows: movements of all products
 * interleave in time (so one product's history is scattered over the whole table, as
 * in production), one "hot" product has 20,000 movements, about 1% of products are
 * soft-deleted, about 3% are low, products have categories and suppliers, receipts come in
 * at a few prices so moving average costs are real ones, a few reasons need CSV quoting and
 * formula neutralisation, and a rare word in a few names gives a search that matches a
 * handful of rows. An API token of the bench admin is kept beside the file (`<file>.token`).
 */

export interface PagesDataShape {
  products: number;
  movements: number;
}

/** Bump when the generated data changes, so that a kept database is reseeded. */
const DATA_VERSION = 2;

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench-pages-password' };
const HOT_SHARE = 50;
/** In a handful of names only: the "search matching a few products" case. */
export const RARE_WORD = 'Zircon';
const LOCATIONS = 3;
const CATEGORIES = 24;
const SUPPLIERS = 40;

const ADJECTIVES = ['Brass', 'Steel', 'Oak', 'Ceramic', 'Copper', 'Linen', 'Cotton', 'Glass', 'Walnut', 'Rubber', 'Nylon', 'Bamboo'];
const NOUNS = ['Hinge', 'Bracket', 'Kettle', 'Mug', 'Valve', 'Gasket', 'Filter', 'Widget', 'Grinder', 'Hook', 'Shelf', 'Clamp', 'Lamp', 'Tray', 'Bolt', 'Washer', 'Spring', 'Handle', 'Knob', 'Rail'];

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

const isDeleted = (id: number) => id % 100 === 99;
const isLow = (id: number) => id % 33 === 0 && !isDeleted(id);

/** The product whose detail page is measured: the one with the longest history (live, not low). */
export function hotProductId(products: number): number {
  let id = Math.ceil(products / 2);
  while (isDeleted(id) || isLow(id)) id += 1;
  return id;
}
const productName = (id: number) =>
  id % 25_000 === 7 ? `${RARE_WORD} ${NOUNS[id % NOUNS.length]} ${id % 997}` : `${ADJECTIVES[id % ADJECTIVES.length]} ${NOUNS[Math.floor(id / ADJECTIVES.length) % NOUNS.length]} M${id % 997}`;
const costOf = (id: number) => 100 + (id % 900);

function metaPath(path: string): string {
  return `${path}.json`;
}

function expectedMeta(shape: PagesDataShape): string {
  return JSON.stringify({ version: DATA_VERSION, ...shape, migrations: readMigrations('sqlite').map((migration) => `${migration.name}:${migration.checksum}`) });
}

/** Whether `path` holds a complete database of this shape, seeded under the current migrations. */
export function isCurrent(path: string, shape: PagesDataShape): boolean {
  return existsSync(path) && existsSync(metaPath(path)) && readFileSync(metaPath(path), 'utf8') === expectedMeta(shape);
}

/**
 * `INSERT INTO table (columns) VALUES (...), (...)` in batches; the statement for a full
 * batch is prepared once. Columns are always named, so columns added later with a DEFAULT
 * take it.
 */
function batchInserter(database: Database.Database, table: string, columns: string[], batch = Math.floor(30_000 / columns.length)) {
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  const statement = (rows: number) => database.prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${Array(rows).fill(rowSql).join(', ')}`);
  const full = statement(batch);
  let pending: unknown[] = [];
  return {
    add(row: unknown[]) {
      pending.push(...row);
      if (pending.length === batch * columns.length) {
        full.run(pending);
        pending = [];
      }
    },
    flush() {
      if (pending.length > 0) statement(pending.length / columns.length).run(pending);
      pending = [];
    },
  };
}

export const DEFAULT_SHAPE: PagesDataShape = {
  products: Number(process.env.BENCH_PRODUCTS ?? 100_000),
  movements: Number(process.env.BENCH_MOVEMENTS ?? 1_000_000),
};

/**
 * The path of the benchmark database of this shape under data/bench, seeded first when it is
 * missing, was seeded by older code or under other migrations, or `reseed` is asked for.
 */
export async function benchDatabase({ shape = DEFAULT_SHAPE, reseed = false }: { shape?: PagesDataShape; reseed?: boolean } = {}): Promise<{ path: string; token: string }> {
  const directory = join(process.cwd(), 'data/bench');
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `shop-${shape.products}-${shape.movements}.db`);
  if (reseed || !isCurrent(path, shape)) {
    const started = performance.now();
    await createBenchDatabase(path, shape);
    console.log(`Seeded ${shape.products.toLocaleString('en')} products and ${shape.movements.toLocaleString('en')} movements in ${((performance.now() - started) / 1000).toFixed(1)} s (${path}).`);
  } else {
    console.log(`Using the seeded database ${path} (--reseed to make a new one).`);
  }
  return { path, token: readFileSync(`${path}.token`, 'utf8').trim() };
}

async function createBenchDatabase(path: string, shape: PagesDataShape): Promise<void> {
  for (const file of [path, `${path}-wal`, `${path}-shm`, metaPath(path), `${path}.token`]) rmSync(file, { force: true });
  await migrate({ url: `file:${path}` });
  const { products, movements } = shape;
  const hot = hotProductId(products);
  const now = Date.now();
  const start = now - 365 * 86_400_000;
  const step = (now - 3_600_000 - start) / movements;

  // Plan the ledger in memory first: the products' reorder levels depend on their final balances.
  const movementProduct = new Int32Array(movements);
  const movementLocation = new Int8Array(movements);
  const movementQuantity = new Int32Array(movements);
  const movementBalance = new Int32Array(movements);
  const movementUnitCost = new Int32Array(movements);
  const movementAverage = new Array<bigint>(movements);
  const productTotal = new Int32Array(products + 1);
  const productAverage = new Array<bigint>(products + 1).fill(0n);
  const balances = new Int32Array((products + 1) * (LOCATIONS + 1));
  const touched = new Uint8Array((products + 1) * (LOCATIONS + 1));
  const seen = new Int32Array(products + 1);
  let nextProduct = 0;
  const nextTrading = () => {
    do nextProduct = (nextProduct % products) + 1;
    while (isDeleted(nextProduct) || nextProduct === hot);
    return nextProduct;
  };
  for (let k = 0; k < movements; k += 1) {
    const product = k % HOT_SHARE === 0 ? hot : nextTrading();
    const nth = seen[product]!;
    seen[product] = nth + 1;
    const location = product === hot ? 1 + (nth % LOCATIONS) : 1 + ((product + (nth % 4 === 3 ? 1 : 0)) % LOCATIONS);
    const slot = product * (LOCATIONS + 1) + location;
    const balance = balances[slot]!;
    let quantity: number;
    if (nth % 3 === 0 || balance === 0) quantity = 20 + (product % 40);
    else if (nth % 11 === 5) quantity = -1;
    else quantity = -Math.min(balance, 1 + ((product + nth) % 12));
    balances[slot] = balance + quantity;
    touched[slot] = 1;
    if (quantity > 0) {
      // A few purchase prices around the standard cost: the average moves with each receipt.
      const unitCost = costOf(product) + (nth % 5) * 7;
      productAverage[product] = receive(productAverage[product]!, BigInt(productTotal[product]!), BigInt(quantity), BigInt(unitCost));
      movementUnitCost[k] = unitCost;
    }
    productTotal[product] = productTotal[product]! + quantity;
    movementAverage[k] = productAverage[product]!;
    movementProduct[k] = product;
    movementLocation[k] = location;
    movementQuantity[k] = quantity;
    movementBalance[k] = balance + quantity;
  }
  const onHand = (product: number) => {
    let total = 0;
    for (let location = 1; location <= LOCATIONS; location += 1) total += balances[product * (LOCATIONS + 1) + location]!;
    return total;
  };

  const adminHash = await hashPassword(BENCH_ADMIN.password);
  const database = new Database(path);
  database.pragma('synchronous = OFF');
  database.pragma('cache_size = -262144');
  const stamp = iso(now);
  database.transaction(() => {
    const users = batchInserter(database, 'users', ['id', 'email', 'name', 'password_hash', 'role', 'disabled', 'created_at', 'updated_at']);
    users.add([1, BENCH_ADMIN.email, 'Bench Admin', adminHash, 'ADMIN', 0, stamp, stamp]);
    users.add([2, 'bench-clerk@example.com', 'Casey Clerk', adminHash, 'CLERK', 0, stamp, stamp]);
    users.flush();
    // The API token of the bench admin, for benchmarks that call the API (bench:exports).
    const secret = generateTokenSecret();
    const tokenColumns = (database.prepare("SELECT name FROM pragma_table_info('api_tokens')").all() as Array<{ name: string }>).map((column) => column.name);
    const tokens = batchInserter(database, 'api_tokens', ['user_id', 'name', 'token_hash', 'prefix', 'created_at', ...(tokenColumns.includes('expires_at') ? ['expires_at'] : [])]);
    tokens.add([1, 'bench', hashTokenSecret(secret), displayPrefix(secret), stamp, ...(tokenColumns.includes('expires_at') ? [iso(now + 365 * 86_400_000)] : [])]);
    tokens.flush();
    writeFileSync(`${path}.token`, secret);

    // Unique names compare by a folded key column where the schema has one (plain ASCII here: lower case).
    const keyColumn = (table: string, column: string) =>
      (database.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).some((row) => row.name === column) ? [column] : [];
    const withKey = (table: string, column: string, columns: string[], value: string) => ({ columns: [...columns, ...keyColumn(table, column)], key: keyColumn(table, column).map(() => value.toLowerCase()) });
    for (const [code, name] of [['BACK', 'Back store'], ['SHOP', 'Shop floor']] as const) {
      const { columns, key } = withKey('locations', 'code_key', ['code', 'name', 'is_default', 'created_at', 'updated_at'], code);
      const location = batchInserter(database, 'locations', columns);
      location.add([code, name, 0, stamp, stamp, ...key]);
      location.flush();
    }
    for (let id = 1; id <= CATEGORIES; id += 1) {
      const { columns, key } = withKey('categories', 'name_key', ['id', 'name', 'description', 'created_at', 'updated_at'], `Category ${id}`);
      const category = batchInserter(database, 'categories', columns);
      category.add([id, `Category ${id}`, null, stamp, stamp, ...key]);
      category.flush();
    }
    for (let id = 1; id <= SUPPLIERS; id += 1) {
      const { columns, key } = withKey('suppliers', 'name_key', ['id', 'name', 'email', 'created_at', 'updated_at'], `Supplier ${id}`);
      const supplier = batchInserter(database, 'suppliers', columns);
      supplier.add([id, `Supplier ${id}`, `orders${id}@supplier.example`, stamp, stamp, ...key]);
      supplier.flush();
    }

    const productRows = batchInserter(database, 'products', [
      'id', 'sku', 'sku_key', 'name', 'description', 'category_id', 'unit', 'price_cents', 'cost_cents',
      'reorder_level', 'safety_stock', 'reorder_quantity', 'on_hand', 'average_cost_micro_cents', 'created_at', 'updated_at', 'deleted_at',
    ]);
    const reorderLevelOf = (id: number) => (isLow(id) ? onHand(id) + 5 : Math.min(10, onHand(id)));
    const createdOf = (id: number) => iso(start - (products - id) * 60_000);
    for (let id = 1; id <= products; id += 1) {
      const total = onHand(id);
      const reorderLevel = reorderLevelOf(id);
      const created = createdOf(id);
      const updated = iso(start + ((id * 7_919) % 365) * 86_400_000);
      const sku = `SKU-${String(id).padStart(6, '0')}`;
      productRows.add([
        id, sku, sku.toLowerCase(), productName(id), null, id % 50 === 0 ? null : 1 + (id % CATEGORIES), 'each', costOf(id) * 2, costOf(id),
        reorderLevel, Math.floor(reorderLevel / 2), 50, total, productAverage[id], created, updated, isDeleted(id) ? updated : null,
      ]);
    }
    productRows.flush();

    const links = batchInserter(database, 'product_suppliers', ['product_id', 'supplier_id', 'lead_time_days', 'unit_cost_cents', 'supplier_sku', 'preferred', 'created_at', 'updated_at']);
    const alerts = batchInserter(database, 'inventory_alerts', ['product_id', 'status', 'on_hand_at_trigger', 'reorder_level', 'created_at']);
    for (let id = 1; id <= products; id += 1) {
      const created = createdOf(id);
      links.add([id, 1 + (id % SUPPLIERS), 3 + (id % 20), costOf(id), null, 1, created, created]);
      if (id % 3 === 0) links.add([id, 1 + ((id + 7) % SUPPLIERS), 10 + (id % 30), costOf(id) + 15, `ALT-${id}`, 0, created, created]);
      if (onHand(id) < reorderLevelOf(id)) alerts.add([id, 'ACTIVE', onHand(id), reorderLevelOf(id), stamp]);
    }
    links.flush();
    alerts.flush();

    const levels = batchInserter(database, 'stock_levels', ['product_id', 'location_id', 'on_hand', 'updated_at']);
    for (let product = 1; product <= products; product += 1) {
      for (let location = 1; location <= LOCATIONS; location += 1) {
        const slot = product * (LOCATIONS + 1) + location;
        if (touched[slot]) levels.add([product, location, balances[slot], stamp]);
      }
    }
    levels.flush();

    const ledger = batchInserter(database, 'stock_movements', [
      'product_id', 'location_id', 'type', 'quantity', 'balance_after', 'unit_cost_cents', 'average_cost_micro_cents', 'reason', 'reference', 'transfer_id', 'created_by_id', 'created_at',
    ]);
    for (let k = 0; k < movements; k += 1) {
      const product = movementProduct[k]!;
      const quantity = movementQuantity[k]!;
      const receipt = quantity > 0;
      const adjustment = quantity === -1;
      ledger.add([
        product,
        movementLocation[k],
        receipt ? 'RECEIPT' : adjustment ? 'ADJUSTMENT' : 'SHIPMENT',
        quantity,
        movementBalance[k],
        receipt ? movementUnitCost[k] : null,
        movementAverage[k],
        k % 1000 === 500 ? '=damaged, "returned"' : adjustment ? 'Damaged' : null,
        receipt ? `PO-${k}` : adjustment ? null : `SO-${k}`,
        null,
        1 + (k % 2),
        iso(start + k * step),
      ]);
    }
    ledger.flush();
  })();
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  writeFileSync(metaPath(path), expectedMeta(shape));
}

/** Parents before children; the default location (id 1) already exists from the first migration. */
const COPIED_TABLES = ['users', 'api_tokens', 'locations', 'categories', 'suppliers', 'products', 'product_suppliers', 'stock_levels', 'stock_movements', 'inventory_alerts'] as const;
const ROWS_PER_COPY = 1_000;

/**
 * The same data on PostgreSQL: a fresh database `name` on the server of `serverUrl`, migrated,
 * then every row of the SQLite benchmark database copied in multi-row INSERTs (columns by
 * name, so the two schemas' column order does not matter). Returns the new database's URL.
 */
export async function copyToPostgres({ sqlitePath, serverUrl, name }: { sqlitePath: string; serverUrl: string; name: string }): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await migrate({ url: url.toString() });
  const source = new Database(sqlitePath, { readonly: true });
  const target = new pg.Client({ connectionString: url.toString() });
  await target.connect();
  try {
    for (const table of COPIED_TABLES) {
      const columns = (source.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((column) => column.name);
      const list = columns.map((column) => `"${column}"`).join(', ');
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const values = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`).join(', ');
        await target.query(`INSERT INTO "${table}" (${list}) VALUES ${values} ON CONFLICT DO NOTHING`, batch.flat());
        batch = [];
      };
      for (const row of source.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === ROWS_PER_COPY) await flush();
      }
      await flush();
      // Explicit ids leave the identity sequence behind; later inserts must not collide.
      if (columns.includes('id')) await target.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT max("id") FROM "${table}"), 1))`);
    }
    await target.query('ANALYZE');
  } finally {
    await target.end();
    source.close();
  }
  return url.toString();
}
