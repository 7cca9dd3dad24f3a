import { resolve } from 'node:path';
import pg from 'pg';
import { disconnectDatabase } from '@/lib/db/client';
import { copySqliteToPostgres, CopyError } from '@/lib/db/copy-sqlite-to-postgres';
import { engineOf } from '@/lib/db/engine';
import { MigrationError } from '@/lib/db/migrate';
import { verifyLedger } from '@/lib/inventory/verify-ledger';

/**
 * `npm run db:copy -- <sqlite file>`: moves a shop from SQLite into the empty PostgreSQL database
 * DATABASE_URL names. The ledger is verified on the SQLite side first (a shop whose caches
 * disagree with its ledger is not copied), then copied in one transaction, then the row counts
 * of every table are compared and the ledger is verified again on PostgreSQL.
 * Exit 0 when all of that holds, 1 when something was refused or differs, 2 on usage.
 */
const sqliteArgument = process.argv[2];
const postgresUrl = process.env.DATABASE_URL ?? '';
if (!sqliteArgument || engineOf(postgresUrl || 'file:') !== 'postgresql') {
  console.error('Usage: DATABASE_URL=postgresql://... npm run db:copy -- <sqlite file>   (the PostgreSQL database must be empty)');
  process.exit(2);
}
const sqlitePath = resolve(sqliteArgument);
const hiddenPassword = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

async function verifyAt(url: string, label: string): Promise<boolean> {
  process.env.DATABASE_URL = url;
  try {
    const { checkedLevels, checkedProducts, discrepancies } = await verifyLedger();
    if (discrepancies.length === 0) {
      console.log(`  ledger verified on ${label}: ${checkedProducts} products, ${checkedLevels} stock levels, no differences`);
      return true;
    }
    console.error(`  ledger differences on ${label} (${discrepancies.length}); first: ${JSON.stringify(discrepancies[0])}. Run npm run ledger:verify there for the list.`);
    return false;
  } finally {
    await disconnectDatabase();
  }
}

async function countRows(url: string, tables: string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = new Map<string, number>();
    for (const table of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "${table}"`);
      counts.set(table, Number(rows[0]?.count));
    }
    return counts;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  console.log(`Copying ${sqlitePath} into ${hiddenPassword(postgresUrl)}`);
  if (!(await verifyAt(`file:${sqlitePath}`, 'SQLite'))) {
    console.error('Copy refused: fix the SQLite ledger first (npm run ledger:verify says what differs).');
    return 1;
  }
  const { tables, milliseconds } = await copySqliteToPostgres({
    sqlitePath,
    postgresUrl,
    onTable: ({ table, rows }) => console.log(`  copied ${String(rows).padStart(9)} rows of ${table}`),
  });
  const counts = await countRows(postgresUrl, tables.map(({ table }) => table));
  const differing = tables.filter(({ table, rows }) => counts.get(table) !== rows);
  for (const { table, rows } of differing) console.error(`  ${table}: ${rows} rows in SQLite, ${counts.get(table)} in PostgreSQL`);
  const verified = await verifyAt(postgresUrl, 'PostgreSQL');
  const total = tables.reduce((sum, { rows }) => sum + rows, 0);
  if (differing.length > 0 || !verified) {
    console.error('The copy differs from its source: do not switch DATABASE_URL to it.');
    return 1;
  }
  console.log(`Copied ${total} rows in ${tables.length} tables in ${(milliseconds / 1000).toFixed(2)} s; row counts match and both ledgers verify. Point DATABASE_URL at PostgreSQL and start the server.`);
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    const expected = error instanceof CopyError || error instanceof MigrationError;
    console.error(expected ? `Copy refused: ${error.message}` : error);
    await disconnectDatabase();
    process.exit(expected ? 1 : 2);
  });
