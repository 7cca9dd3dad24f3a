import Database from 'better-sqlite3';
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
