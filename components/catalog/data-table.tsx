import Link from 'next/link';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** Extra classes for the desktop cell (widths, wrapping). */
  className?: string;
  /** Leave out of the phone card (when the title already says it). */
  hideOnPhone?: boolean;
}

/**
 * A list as a table on wide screens and as stacked cards on phones: the first column is the
 * card's title, the others become labelled lines, the actions sit at the bottom of the card.
 */
export function DataTable<T>({
  caption,
  rows,
  rowKey,
  columns,
  actions,
}: {
  caption: string;
  rows: T[];
  rowKey: (row: T) => string | number;
  columns: Column<T>[];
  actions?: (row: T) => ReactNode;
}) {
  const [first, ...rest] = columns;
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-100 bg-slate-50/60">
              {columns.map((column) => (
                <th key={column.key} scope="col" className={`whitespace-nowrap px-5 py-2.5 text-xs font-medium uppercase tracking-wide text-slate-500 ${column.align === 'right' ? 'text-right' : 'text-left'}`}>
                  {column.header}
                </th>
              ))}
              {actions && (
                <th scope="col" className="px-5 py-2.5 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={rowKey(row)} className="align-top hover:bg-slate-50/60">
                {columns.map((column) => (
                  <td key={column.key} className={`px-5 py-3 ${column.align === 'right' ? 'text-right tabular-nums' : 'text-left'} ${column.className ?? ''}`}>
                    {column.cell(row)}
                  </td>
                ))}
                {actions && (
                  <td className="whitespace-nowrap px-5 py-2 text-right">
                    <div className="flex justify-end gap-1">{actions(row)}</div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="divide-y divide-slate-100 md:hidden" aria-label={caption}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="px-5 py-3">
            {first && <div className="min-w-0 text-sm wrap-anywhere">{first.cell(row)}</div>}
            <dl className="mt-1.5 space-y-1">
              {rest
                .filter((column) => !column.hideOnPhone)
                .map((column) => (
                  <div key={column.key} className="flex gap-3 text-sm">
                    <dt className="w-32 shrink-0 text-slate-500">{column.header}</dt>
                    <dd className="min-w-0 flex-1 text-slate-800 wrap-anywhere">{column.cell(row)}</dd>
                  </div>
                ))}
            </dl>
            {actions && <div className="-ml-3 mt-2 flex flex-wrap gap-1">{actions(row)}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "—" for an empty optional value, so a blank cell never looks like a rendering fault. */
export function Dash() {
  return (
    <span className="text-slate-500" aria-label="none">
      —
    </span>
  );
}

/** "Showing N · More" under a list that has another page. */
export function MoreLink({ href, shown, noun }: { href: string | null; shown: number; noun: string }) {
  if (shown === 0) return null;
  return (
    <div className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
      <span>
        Showing {shown} {noun}
      </span>
      {href && (
        <Link href={href} className="font-medium text-brand-600 hover:text-brand-700">
          Next page →
        </Link>
      )}
    </div>
  );
}
