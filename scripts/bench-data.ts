import Database from 'better-sqlite3';
import pg from 'pg';
import { migrate } from '@/lib/db/migrate';
import { receive } from '@/lib/inventory/moving-average';

/**
 * A large, consistent SQLite database for the benchmarks, written straight through the
 * driver (the ledger's rules are kept by construction: balances follow the movements, no
 * level goes negative, and products below their reorder level have one active alert).
 */
export async function createLargeDatabase({ path, products, movementsPerProduct }: { path: string; products: number; movementsPerProduct: number }): Promise<void> {
  await migrate({ url: `file:${path}` });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = OFF');
  const start = Date.parse('2026-01-01T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
  const insertProduct = database.prepare(
    'INSERT INTO products (id, sku, sku_key, name, category_id, unit, price_cents, cost_cents, reorder_level, safety_stock, reorder_quantity, on_hand, average_cost_micro_cents, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMovement = database.prepare(
    'INSERT INTO stock_movements (product_id, location_id, type, quantity, balance_after, unit_cost_cents, average_cost_micro_cents, reason, reference, transfer_id, created_by_id, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?)',
  );
  const insertLevel = database.prepare('INSERT INTO stock_levels (product_id, location_id, on_hand, updated_at) VALUES (?, 1, ?, ?)');
  const insertAlert = database.prepare("INSERT INTO inventory_alerts (product_id, status, on_hand_at_trigger, reorder_level, created_at) VALUES (?, 'ACTIVE', ?, ?, ?)");
  const now = iso(Date.now());
  const words = ['Widget', 'Bolt', 'Bracket', 'Hinge', 'Filter', 'Mug', 'Kettle', 'Grinder', 'Valve', 'Gasket'];
  const write = database.transaction((from: number, to: number) => {
    for (let id = from; id <= to; id += 1) {
      const cost = 100 + (id % 900);
      const reorderLevel = 10 + (id % 20);
      let balance = 0;
      let average = 0n;
      const movements: Array<[string, number, number, number | null, bigint, string, string]> = [];
      for (let step = 0; step < movementsPerProduct; step += 1) {
        const when = iso(start + step * 86_400_000 * 3 + (id % 86_400) * 1000);
        if (step % 3 === 0) {
          const quantity = 40 + (id % 30);
          average = receive(average, BigInt(balance), BigInt(quantity), BigInt(cost + step * 3));
          balance += quantity;
          movements.push(['RECEIPT', quantity, balance, cost + step * 3, average, `PO-${id}-${step}`, when]);
        } else {
          const quantity = Math.min(balance, 5 + ((id + step) % 15));
          balance -= quantity;
          movements.push(['SHIPMENT', -quantity, balance, null, average, `SO-${id}-${step}`, when]);
        }
      }
      insertProduct.run(id, `SKU-${String(id).padStart(6, '0')}`, `sku-${String(id).padStart(6, '0')}`, `${words[id % words.length]} ${id}`, 'each', cost * 2, cost, reorderLevel, 5, 50, balance, average, now, now);
      for (const [type, quantity, after, unitCost, movedAverage, reference, when] of movements) {
        insertMovement.run(id, type, quantity, after, unitCost, movedAverage, reference, when);
      }
      insertLevel.run(id, balance, now);
      if (balance < reorderLevel) insertAlert.run(id, balance, reorderLevel, now);
    }
  });
  for (let from = 1; from <= products; from += 10_000) write(from, Math.min(products, from + 9_999));
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
}

const COPIED_TABLES = ['products', 'stock_levels', 'stock_movements', 'inventory_alerts'] as const;
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
        await target.query(`INSERT INTO "${table}" (${list}) VALUES ${values}`, batch.flat());
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
