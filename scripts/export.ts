import { disconnectDatabase } from '@/lib/db/client';
import { disconnectReportReader } from '@/lib/db/report-reader';
import { loadEnvironment } from '@/lib/env';
import { runExport } from '@/lib/inventory/reports/run-export';

/** `npm run export`: the scheduled export from the command line (same files, same records). */
async function main(): Promise<void> {
  const { EXPORT_DIR } = loadEnvironment();
  const exports = await runExport({ exportDir: EXPORT_DIR, actorId: null });
  for (const record of exports) {
    console.log(`${record.kind}.${record.format}: ${record.rowCount} rows, ${record.sizeBytes} bytes -> ${EXPORT_DIR}/${record.fileName}`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => Promise.all([disconnectDatabase(), disconnectReportReader()]));
