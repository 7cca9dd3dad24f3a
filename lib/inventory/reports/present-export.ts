import type { ReportExport } from '@/lib/db/generated/sqlite/client';

export function presentExport(record: ReportExport) {
  return {
    id: record.id,
    kind: record.kind,
    format: record.format,
    fileName: record.fileName,
    sizeBytes: record.sizeBytes,
    rowCount: record.rowCount,
    createdBy: record.createdById,
    createdAt: record.createdAt.toISOString(),
    downloadUrl: `/api/exports/${record.id}/download`,
  };
}
