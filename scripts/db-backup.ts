import { backupDatabase } from '@/lib/db/backup-database';
import { BackupError } from '@/lib/db/backup-tools';
import { DEFAULT_DATABASE_URL } from '@/lib/db/engine';

/** `npm run db:backup -- <file>`: a consistent copy of DATABASE_URL's database, safe while the server runs. */
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run db:backup -- <file>   (a new file; the database is the one DATABASE_URL names)');
  process.exit(2);
}

backupDatabase({ url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL, file })
  .then(({ engine, file: written, bytes, milliseconds }) => {
    console.log(`Backed up the ${engine} database to ${written}: ${(bytes / 1e6).toFixed(1)} MB in ${(milliseconds / 1000).toFixed(2)} s.`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof BackupError ? `Backup refused: ${error.message}` : error);
    process.exit(1);
  });
