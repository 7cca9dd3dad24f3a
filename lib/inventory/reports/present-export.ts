import { z } from 'zod';
import type { ReportExport } from '@/lib/db/generated/sqlite/client';
import { recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';

export const exportSchema = z
  .object({
    id: recordIdSchema,
    kind: z.enum(['low-stock', 'stock-valuation']),
    format: z.enum(['json', 'csv']),
    fileName: z.string(),
    sizeBytes: z.number().int().min(0),
    rowCount: z.number().int().min(0),
    createdBy: recordIdSchema.nullable().describe('null when the scheduler ran it'),
    createdAt: timestampSchema,
    downloadUrl: z.string().describe('GET it (with a token) for the file'),
  })
  .meta({ id: 'Export', description: 'A report file written by the scheduled export.' });

export type ExportResponse = z.output<typeof exportSchema>;

/** The answer to a run of the export: every file it wrote. */
export const exportRunSchema = z.object({ data: z.array(exportSchema) }).meta({ id: 'ExportRun' });

export function presentExport(record: ReportExport): ExportResponse {
  return {
    id: record.id,
    kind: record.kind as ExportResponse['kind'],
    format: record.format as ExportResponse['format'],
    fileName: record.fileName,
    sizeBytes: record.sizeBytes,
    rowCount: record.rowCount,
    createdBy: record.createdById,
    createdAt: record.createdAt.toISOString(),
    downloadUrl: `/api/exports/${record.id}/download`,
  };
}
