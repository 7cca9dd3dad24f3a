import { disconnectDatabase } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { archiveLedger } from '@/lib/inventory/ledger/archive-ledger';

/**
 * `npm run ledger:archive -- --before YYYY-MM-DD [--batch-size N]`: moves every movement
 * created before that day (the shop's time zone) to the archive, batch by batch, printing
 * progress. Safe to stop and run again: the next run finishes the job. Exit 0 when done,
 * 1 when the day is refused, 2 on any other failure.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const before = option('--before');
  if (!before) {
    console.error('Usage: npm run ledger:archive -- --before YYYY-MM-DD [--batch-size N]');
    return 1;
  }
  const batchSize = option('--batch-size') ? Number(option('--batch-size')) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    console.error('--batch-size must be a positive whole number.');
    return 1;
  }
  const started = performance.now();
  try {
    const { answer } = await archiveLedger({
      before,
      actorId: null,
      batchSize,
      afterBatch: ({ archived }) => {
        process.stdout.write(`\r  ${archived.toLocaleString('en-US')} movements archived`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\nArchived ${answer.archived} movements created before ${answer.before} (${answer.checkpoints} checkpoints) in ${seconds} s.`);
    return 0;
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
      console.error(Object.values(error.details?.fieldErrors ?? {}).join('; ') || error.message);
      return 1;
    }
    throw error;
  }
}

main()
  .then(async (code) => {
    await disconnectDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await disconnectDatabase();
    process.exit(2);
  });
