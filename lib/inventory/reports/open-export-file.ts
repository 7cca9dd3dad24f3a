import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { db } from '@/lib/db/client';
import type { ReportExport } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';
import { EXPORT_FILE_NAME, resolveExportDir } from './run-export';

/** An export's record and a stream of its file; a missing file or a foreign name is "not found". */
export async function openExportFile({ id, exportDir }: { id: number; exportDir: string }): Promise<{ record: ReportExport; stream: ReadableStream<Uint8Array> }> {
  const record = await db().reportExport.findUnique({ where: { id } });
  if (!record || !EXPORT_FILE_NAME.test(record.fileName)) throw notFound('Export');
  const path = join(resolveExportDir(exportDir), record.fileName);
  try {
    await access(path);
  } catch {
    throw notFound('Export file');
  }
  return { record, stream: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array> };
}
