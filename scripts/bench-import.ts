import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printRunHeader } from './bench-kit';

/**
 * `npm run bench:import`: a 10,000-row product file (issue 15: under 5 s on SQLite) through
 * importProducts, in process, on a fresh migrated SQLite database: a dry run, the import that
 * creates every product (with 40 categories and a barcode each), the same file again with
 * every price changed (10,000 updates), then opening stock for all of them (10,000 COUNT
 * movements through the ledger). Prints each time beside the machine's load; asserts nothing.
 * BENCH_IMPORT_ROWS changes the size.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

function gtin13(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) sum += Number(body[body.length - 1 - index]) * (index % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function productCsv(priceOffset: number): string {
  const lines = ['sku,name,category,price,cost,unit,reorderLevel,barcode,description'];
  for (let index = 1; index <= ROWS; index += 1) {
    lines.push(`BENCH-${index},Bench product ${index},Category ${index % 40},${(index % 900) + 1 + priceOffset}.50,${(index % 500) + 1}.25,each,${index % 7},${gtin13(index)},"Imported, row ${index}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function stockCsv(): string {
  const lines = ['sku;location;quantity;unitCost'];
  for (let index = 1; index <= ROWS; index += 1) lines.push(`BENCH-${index};MAIN;${index % 50};${(index % 500) + 1},25`);
  return `${lines.join('\n')}\n`;
}

async function timed<T>(label: string, run: () => Promise<T>, describe: (result: T) => string): Promise<void> {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s   ${describe(result)}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-bench-import-'));
  process.env.DATABASE_URL = `file:${join(dir, 'bench.db')}`;
  try {
    printRunHeader(`bench:import (${ROWS.toLocaleString('en')} rows, SQLite, in process)`);
    console.log(`  uptime  ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
    const { migrate } = await import('@/lib/db/migrate');
    const { db, disconnectDatabase } = await import('@/lib/db/client');
    const { importProducts } = await import('@/lib/inventory/imports/import-products');
    const { importStock } = await import('@/lib/inventory/imports/import-stock');
    await migrate({ url: process.env.DATABASE_URL });
    const actor = await db().user.create({ data: { email: 'bench-import@example.com', name: 'Bench', passwordHash: 'unused', role: 'MANAGER' } });
    const defaultLocation = await db().location.findFirstOrThrow({ where: { isDefault: true } });
    const stock = stockCsv().replaceAll(';MAIN;', `;${defaultLocation.code};`);

    const created = productCsv(0);
    console.log(`  file    ${(Buffer.byteLength(created) / 1_048_576).toFixed(2)} MB`);
    const counts = (result: { created: number; updated: number; unchanged: number }) => `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}`;
    await timed('products, dry run (nothing written)', () => importProducts({ csv: created, dryRun: true, actorId: actor.id }), counts);
    await timed('products, import (all new)', () => importProducts({ csv: created, dryRun: false, actorId: actor.id }), counts);
    await timed('products, again with every price changed', () => importProducts({ csv: productCsv(1), dryRun: false, actorId: actor.id }), counts);
    await timed('opening stock (COUNT movements)', () => importStock({ csv: stock, dryRun: false, actorId: actor.id }), ({ result }) => `movements ${result.movements}`);
    console.log(`  load average after: ${execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/^.*load average: /, '')}`);
    await disconnectDatabase();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
