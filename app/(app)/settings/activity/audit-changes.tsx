import type { AuditLogEntry } from '@/lib/audit-log/list-audit-log';

/** A recorded value as a person reads it: text as is, nothing as a dash, the rest as JSON. */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * What an entry changed, one line per field: "field: before → after" for an update, the
 * fields of the new row for a create, of the removed row for a delete.
 */
export function AuditChanges({ entry }: { entry: Pick<AuditLogEntry, 'before' | 'after'> }) {
  const { before, after } = entry;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((field) => field !== 'updatedAt');
  if (fields.length === 0) return <span className="text-slate-500">No field changed</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {fields.map((field) => (
        <li key={field} className="wrap-anywhere">
          <span className="font-medium text-slate-600">{field}:</span>{' '}
          {before && after ? (
            <>
              <span className="text-slate-500 line-through decoration-slate-300">{show(before[field])}</span>
              <span aria-label="changed to"> → </span>
              <span className="text-slate-900">{show(after[field])}</span>
            </>
          ) : (
            <span className="text-slate-800">{show((after ?? before)?.[field])}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
