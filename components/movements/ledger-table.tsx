import Link from 'next/link';
import { MovementTypeBadge } from '@/components/inventory/movement-type-badge';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatDateTime, formatInteger, formatMoney, formatSigned, formatTime } from '@/lib/format';
import type { LedgerEntry } from '@/lib/inventory/list-ledger-entries';


function ProductCell({ entry }: { entry: LedgerEntry }) {
  const { product } = entry;
  if (product.deletedAt) {
    return (
      <span className="block min-w-0">
        <span className="block font-medium text-slate-700">{product.name}</span>
        <span className="flex items-center gap-1.5 font-mono text-xs text-slate-500">
          {product.sku} <Badge>Deleted</Badge>
        </span>
      </span>
    );
  }
  return (
    <Link href={`/products/${product.id}`} className="group block min-w-0">
      <span className="block font-medium text-slate-900 group-hover:text-brand-700 group-hover:underline">{product.name}</span>
      <span className="block font-mono text-xs text-slate-500">{product.sku}</span>
    </Link>
  );
}

function Quantity({ entry }: { entry: LedgerEntry }) {
  return (
    <>
      <span className={`font-semibold tabular-nums ${entry.quantity < 0 ? 'text-slate-800' : 'text-emerald-700'}`}>{formatSigned(entry.quantity)}</span>
      {entry.unitCostCents !== null && <span className="block text-xs text-slate-500">@ {formatMoney(entry.unitCostCents)}</span>}
    </>
  );
}

function Notes({ entry }: { entry: LedgerEntry }) {
  if (!entry.reason && !entry.reference) return <span className="text-slate-500">—</span>;
  return (
    <>
      {entry.reason && <span className="block break-words text-slate-700">{entry.reason}</span>}
      {entry.reference && <span className="block break-all font-mono text-xs text-slate-500">{entry.reference}</span>}
    </>
  );
}

/** Ledger rows: a table on wide screens, stacked cards on phones. Rows are read-only by nature. */
export function LedgerTable({ entries, caption }: { entries: LedgerEntry[]; caption: string }) {
  return (
    <>
      <div className="hidden overflow-x-auto lg:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <th scope="col" className="px-5 py-2.5 font-medium">
                Date
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Type
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Product
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Location
              </th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">
                Qty
              </th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">
                Balance
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Reason / reference
              </th>
              <th scope="col" className="px-5 py-2.5 font-medium">
                By
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((entry) => (
              <tr key={entry.id} className="align-top hover:bg-slate-50/60">
                <td className="whitespace-nowrap px-5 py-3 text-slate-700">
                  <time dateTime={entry.createdAt.toISOString()}>
                    {formatDate(entry.createdAt)}
                    <span className="block text-xs text-slate-500">{formatTime(entry.createdAt)}</span>
                  </time>
                </td>
                <td className="px-3 py-3">
                  <MovementTypeBadge type={entry.type} />
                </td>
                <td className="min-w-48 max-w-64 px-3 py-3">
                  <ProductCell entry={entry} />
                </td>
                <td className="px-3 py-3 font-mono text-xs text-slate-700" title={entry.location.name}>
                  {entry.location.code}
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-right">
                  <Quantity entry={entry} />
                </td>
                <td className="px-3 py-3 text-right tabular-nums text-slate-700">{formatInteger(entry.balanceAfter)}</td>
                <td className="max-w-56 px-3 py-3">
                  <Notes entry={entry} />
                </td>
                <td className="whitespace-nowrap px-5 py-3 text-slate-600">{entry.createdBy?.name ?? <span className="text-slate-500">System</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="divide-y divide-slate-100 lg:hidden" aria-label={caption}>
        {entries.map((entry) => (
          <li key={entry.id} className="px-5 py-3">
            <div className="flex items-start gap-3">
              <div className="min-w-0 flex-1 text-sm">
                <ProductCell entry={entry} />
              </div>
              <div className="text-right text-sm">
                <Quantity entry={entry} />
              </div>
            </div>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <MovementTypeBadge type={entry.type} />
              <span className="font-mono text-slate-700">{entry.location.code}</span>
              <span aria-hidden="true">·</span>
              <span>
                Balance <span className="font-medium tabular-nums text-slate-700">{formatInteger(entry.balanceAfter)}</span>
              </span>
            </div>
            {(entry.reason || entry.reference) && (
              <div className="mt-1 text-sm">
                <Notes entry={entry} />
              </div>
            )}
            <p className="mt-1 text-xs text-slate-500">
              <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> · {entry.createdBy?.name ?? 'System'}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
