import { DEFAULT_DATABASE_URL, engineOf } from '@/lib/db/engine';
import { migrate, MigrationError } from '@/lib/db/migrate';

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

migrate({ url })
  .then(({ engine, applied, alreadyApplied }) => {
    const where = engine === 'sqlite' ? url : url.replace(/\/\/[^@]*@/, '//***@');
    console.log(`Database ${where} (${engineOf(url)}): ${alreadyApplied} migration(s) already applied, ${applied.length} applied now.`);
    for (const name of applied) console.log(`  applied ${name}`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof MigrationError ? `Migration refused: ${error.message}` : error);
    process.exit(1);
  });
