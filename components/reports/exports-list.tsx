import { DataTable } from '@/components/catalog/data-table';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime, formatInteger } from '@/lib/format';

export interface ExportRow {
  id: number;
  kind: string;
  format: string;
  fileName: string;
  sizeBytes: number;
  rowCount: number;
  createdAt: Date;
  scheduled: boolean;
}

const KIND_LABELS: Record<string, string> = { 'low-stock': 'Low stock', 'stock-valuation': 'Stock valuation' };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Files written by earlier exports (scheduled or run by hand), newest first, each downloadable. */
export function ExportsList({ exports }: { exports: ExportRow[] }) {
  if (exports.length === 0) return <EmptyState title="No exports yet" description="The scheduled export writes the low-stock and valuation reports here as files." />;
  return (
    <DataTable
      caption="Past exports, newest first"
      rows={exports}
      rowKey={(row) => row.id}
      columns={[
        {
          key: 'report',
          header: 'Report',
          cell: (row) => (
            <span className="block">
              <span className="flex items-center gap-2 font-medium text-slate-900">
                {KIND_LABELS[row.kind] ?? row.kind} <Badge>{row.format.toUpperCase()}</Badge>
              </span>
              <span className="block break-all font-mono text-xs text-slate-500 md:whitespace-nowrap md:break-normal">{row.fileName}</span>
            </span>
          ),
        },
        { key: 'created', header: 'Written', cell: (row) => <span className="text-slate-600 md:whitespace-nowrap">{formatDateTime(row.createdAt)}</span> },
        { key: 'by', header: 'Run', cell: (row) => <span className="whitespace-nowrap text-slate-600">{row.scheduled ? 'Scheduled' : 'By hand'}</span> },
        { key: 'rows', header: 'Rows', align: 'right', cell: (row) => formatInteger(row.rowCount) },
        { key: 'size', header: 'Size', align: 'right', cell: (row) => <span className="whitespace-nowrap text-slate-600">{size(row.sizeBytes)}</span> },
      ]}
      actions={(row) => (
        <a
          href={`/api/exports/${row.id}/download`}
          className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-brand-600 hover:bg-brand-50 hover:text-brand-700"
          aria-label={`Download ${row.fileName}`}
        >
          Download
        </a>
      )}
    />
  );
}
