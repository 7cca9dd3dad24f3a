// The physical reference for bench:ledger: node:http + better-sqlite3, no framework, no ORM,
// doing the ledger's core per request (guarded UPDATE + INSERT in one transaction).
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [, , path, port, synchronous] = process.argv;
const db = new Database(path, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
const guarded = db.prepare(
  'UPDATE stock_levels SET on_hand = on_hand + ?, updated_at = ? WHERE product_id = ? AND location_id = ? AND on_hand + ? >= 0 RETURNING on_hand',
);
const insert = db.prepare(
  'INSERT INTO stock_movements (product_id, location_id, type, quantity, balance_after, created_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const post = db.transaction((productId, delta) => {
  const now = new Date().toISOString();
  const row = guarded.get(delta, now, productId, 1, delta);
  if (!row) return null;
  const { lastInsertRowid } = insert.run(productId, 1, 'SHIPMENT', delta, row.on_hand, 1, now);
  return { id: Number(lastInsertRowid), balanceAfter: row.on_hand };
});

createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const input = JSON.parse(body);
    const result = post.immediate(input.productId, -input.quantity);
    response.writeHead(result ? 201 : 409, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result ? { data: [result] } : { code: 'INSUFFICIENT_STOCK' }));
  });
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
