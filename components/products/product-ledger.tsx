import { MovementTypeBadge } from '@/components/inventory/movement-type-badge';
import { formatDateTime, formatInteger, formatSigned } from '@/lib/format';
import { displayCents } from '@/lib/money';

/** One ledger row of a product, as its page shows it. */
export interface ProductLedgerRow {
  id: number;
  type: string;
  quantity: number;
  balanceAfter: number;
  unitCostCents: number | null;
  locationCode: string;
  locationName: string;
  /** Transfers only: the route, both ends when both legs are known, else this leg's end. */
  transfer: { from: string | null; to: string | null } | null;
  by: string | null;
  reason: string | null;
  reference: string | null;
  createdAt: Date;
}

function Signed({ quantity }: { quantity: number }) {
  return <span className={`font-semibold tabular-nums ${quantity < 0 ? 'text-slate-800' : quantity > 0 ? 'text-emerald-700' : 'text-slate-500'}`}>{formatSigned(quantity)}</span>;
}

/** The location of a row; for a transfer, "MAIN → SHOP", or "out of MAIN" / "into SHOP". */
function Place({ row }: { row: ProductLedgerRow }) {
  const route = row.transfer;
  if (!route) return <span title={row.locationName}>{row.locationCode}</span>;
  if (route.from && route.to) {
    return (
      <span title={`Transfer from ${route.from} to ${route.to}`}>
        {route.from} <span aria-hidden="true">→</span>
        <span className="sr-only">to</span> {route.to}
      </span>
    );
  }
  return (
    <span title={row.locationName}>
      <span className="font-sans text-slate-500">{route.from ? 'out of ' : 'into '}</span>
      {route.from ?? route.to}
    </span>
  );
}

function Notes({ row }: { row: ProductLedgerRow }) {
  if (!row.reason && !row.reference && row.unitCostCents === null) return <span className="text-slate-400">—</span>;
  return (
    <>
      {row.reason && <span className="block break-words text-slate-700">{row.reason}</span>}
      {row.reference && <span className="block font-mono text-xs text-slate-500 [overflow-wrap:anywhere]">{row.reference}</span>}
      {row.unitCostCents !== null && <span className="block text-xs text-slate-500">@ {displayCents(row.unitCostCents)} each</span>}
    </>
  );
}

/**
 * The product's recent movements: a table on wide screens, stacked rows on phones. The table
 * has a floor width so that notes and references stay readable; below it, it scrolls inside
 * its card rather than breaking words.
 */
export function ProductLedger({ rows }: { rows: ProductLedgerRow[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full min-w-[38rem] text-sm">
          <caption className="sr-only">Recent movements of this product, newest first</caption>
          <thead>
            <tr className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2.5 pl-5 pr-3 font-medium">
                Type
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2.5 text-right font-medium">
                Qty / balance
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Location
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Notes
              </th>
              <th scope="col" className="py-2.5 pl-3 pr-5 font-medium">
                By / when
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="py-3 pl-5 pr-3">
                  <MovementTypeBadge type={row.type} />
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-right">
                  <Signed quantity={row.quantity} />
                  <span className="block text-xs tabular-nums text-slate-500">{formatInteger(row.balanceAfter)} after</span>
                </td>
                <td className="whitespace-nowrap px-3 py-3 font-mono text-xs text-slate-700">
                  <Place row={row} />
                </td>
                <td className="min-w-40 px-3 py-3">
                  <Notes row={row} />
                </td>
                <td className="py-3 pl-3 pr-5 text-slate-600">
                  <span className="block whitespace-nowrap">{row.by ?? 'System'}</span>
                  <time dateTime={row.createdAt.toISOString()} className="block whitespace-nowrap text-xs text-slate-500">
                    {formatDateTime(row.createdAt)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Recent movements of this product, newest first">
        {rows.map((row) => (
          <li key={row.id} className="flex items-start gap-3 px-4 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <MovementTypeBadge type={row.type} />
                <span className="min-w-0 font-mono text-xs text-slate-600">
                  <Place row={row} />
                </span>
              </div>
              {(row.reason || row.reference) && (
                <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">
                  {row.reason}
                  {row.reason && row.reference ? ' · ' : ''}
                  {row.reference && <span className="font-mono text-xs text-slate-500">{row.reference}</span>}
                </p>
              )}
              <p className="mt-1 text-xs text-slate-500">
                {row.by ?? 'System'} ·{' '}
                <time dateTime={row.createdAt.toISOString()} className="whitespace-nowrap">
                  {formatDateTime(row.createdAt)}
                </time>
              </p>
            </div>
            <div className="shrink-0 text-right">
              <Signed quantity={row.quantity} />
              <p className="text-xs tabular-nums text-slate-500">balance {formatInteger(row.balanceAfter)}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
