import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { csvChunks } from '@/lib/csv';
import { db } from '@/lib/db/client';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '@/lib/db/private-file';
import type { ReportExport } from '@/lib/db/generated/sqlite/client';
import { getLowStockReport } from './get-low-stock-report';
import { getStockValuation } from './get-stock-valuation';
import { LOW_STOCK_COLUMNS, VALUATION_COLUMNS, valuationCsvRows } from './report-columns';

export type ExportKind = 'low-stock' | 'stock-valuation';
export type ExportFormat = 'json' | 'csv';

/** Names this module writes: kind, timestamp, a random suffix, extension. Nothing else is served. */
export const EXPORT_FILE_NAME = /^(low-stock|stock-valuation)-\d{8}T\d{6}Z-[0-9a-f]{8}\.(csv|json)$/;

export function resolveExportDir(exportDir: string): string {
  // A data folder chosen at run time, not code: the build must not trace the project for it.
  return isAbsolute(exportDir) ? exportDir : resolve(/* turbopackIgnore: true */ process.cwd(), exportDir);
}

function fileStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/**
 * Writes a file so that no reader ever sees half of it: to a temporary name in the same
 * folder first, then renamed (atomic on one file system). Concurrent runs use distinct names.
 */
async function writeAtomically(directory: string, fileName: string, contents: string): Promise<number> {
  const temporary = join(directory, `.${fileName}.${randomUUID()}.tmp`);
  try {
    // Owner-only, like the database: reports list stock, costs and values.
    await writeFile(temporary, contents, { encoding: 'utf8', flag: 'wx', mode: PRIVATE_FILE_MODE });
    await rename(temporary, join(directory, fileName));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return (await stat(join(directory, fileName))).size;
}

/**
 * The scheduled export: the low-stock and valuation reports, each as JSON and CSV, written
 * as files under the export folder, with a record of each. Safe to run twice at once.
 */
export async function runExport({ exportDir, actorId, now = new Date() }: { exportDir: string; actorId: number | null; now?: Date }): Promise<ReportExport[]> {
  const directory = resolveExportDir(exportDir);
  await mkdir(directory, { recursive: true, mode: PRIVATE_DIR_MODE });
  const [lowStock, valuation] = await Promise.all([getLowStockReport(), getStockValuation({ now })]);
  const suffix = randomUUID().slice(0, 8);
  const stamp = fileStamp(now);
  const files: Array<{ kind: ExportKind; format: ExportFormat; rowCount: number; contents: string }> = [
    { kind: 'low-stock', format: 'json', rowCount: lowStock.length, contents: JSON.stringify({ generatedAt: now.toISOString(), data: lowStock }, null, 2) },
    { kind: 'low-stock', format: 'csv', rowCount: lowStock.length, contents: await collect(csvChunks(LOW_STOCK_COLUMNS, lowStock)) },
    {
      kind: 'stock-valuation',
      format: 'json',
      rowCount: valuation.rows.length,
      contents: JSON.stringify({ asOf: valuation.asOf, data: valuation.rows, totalQuantity: valuation.totalQuantity, totalValue: valuation.totalValue }, null, 2),
    },
    { kind: 'stock-valuation', format: 'csv', rowCount: valuation.rows.length, contents: await collect(csvChunks(VALUATION_COLUMNS, valuationCsvRows(valuation))) },
  ];
  const written = await Promise.all(
    files.map(async (file) => {
      const fileName = `${file.kind}-${stamp}-${suffix}.${file.format}`;
      const sizeBytes = await writeAtomically(directory, fileName, file.contents);
      return { kind: file.kind, format: file.format, fileName, sizeBytes, rowCount: file.rowCount, createdById: actorId, createdAt: now };
    }),
  );
  return db().$transaction(written.map((data) => db().reportExport.create({ data })));
}
