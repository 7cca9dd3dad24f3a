import { disconnectDatabase } from '@/lib/db/client';
import { BackupError } from '@/lib/db/backup-tools';
import { DEFAULT_DATABASE_URL } from '@/lib/db/engine';
import { restoreDatabase } from '@/lib/db/restore-database';
import { verifyLedger } from '@/lib/inventory/verify-ledger';

/**
 * `npm run db:restore -- <file>`: restores a db:backup file into the empty database DATABASE_URL
 * names, applies newer migrations, and checks the ledger. Exit 0 when the restored ledger is
 * consistent, 1 when the restore was refused or failed, 3 when the ledger check found differences.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run db:restore -- <file>   (into the empty database DATABASE_URL names)');
    return 2;
  }
  const { engine, migrated } = await restoreDatabase({ url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL, file });
  console.log(`Restored ${file} into the ${engine} database${migrated.length ? `, then applied ${migrated.length} newer migration(s)` : ''}.`);
  const { checkedProducts, checkedLevels, discrepancies } = await verifyLedger();
  if (discrepancies.length > 0) {
    console.error(`The restored ledger has ${discrepancies.length} difference(s): run npm run ledger:verify for the list.`);
    return 3;
  }
  console.log(`Ledger verified: ${checkedProducts} products, ${checkedLevels} stock levels, no differences.`);
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof BackupError ? `Restore refused: ${error.message}` : error);
    return 1;
  })
  .then(async (code) => {
    await disconnectDatabase();
    process.exit(code);
  });
