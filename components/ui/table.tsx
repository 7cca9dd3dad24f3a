import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

const ALIGN = { left: 'text-left', right: 'text-right', center: 'text-center' } as const;

/**
 * Table primitives. The wrapper scrolls sideways on narrow screens instead of squeezing
 * columns; give columns that may go on phones `className="hidden sm:table-cell"`.
 */
export function Table({ children, caption, className = '' }: { children: ReactNode; caption?: string; className?: string }) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50/80">
      <tr>{children}</tr>
    </thead>
  );
}

export function TH({ align = 'left', className = '', children, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' | 'center' }) {
  return (
    <th
      scope="col"
      {...props}
      className={`whitespace-nowrap px-4 py-2.5 text-xs font-medium uppercase tracking-wide text-slate-500 first:pl-5 last:pr-5 ${ALIGN[align]} ${className}`}
    >
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>;
}

export function TR({ className = '', ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} className={`transition-colors hover:bg-slate-50/70 ${className}`} />;
}

export function TD({ align = 'left', className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' | 'center' }) {
  return <td {...props} className={`px-4 py-3 text-slate-700 first:pl-5 last:pr-5 ${ALIGN[align]} ${align === 'right' ? 'tabular-nums' : ''} ${className}`} />;
}
