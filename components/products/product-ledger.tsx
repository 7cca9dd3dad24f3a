import { MovementTypeBadge } from '@/components/inventory/movement-type-badge';
import { formatDateTime, formatInteger, formatMoney, formatSigned } from '@/lib/format';
import type { ProductLedgerRow } from '@/lib/inventory/catalog/load-product-page';

function Signed({ quantity }: { quantity: number }) {
  return <span className={`font-semibold tabular-nums ${quantity < 0 ? 'text-slate-800' : quantity > 0 ? 'text-emerald-700' : 'text-slate-500'}`}>{formatSigned(quantity)}</span>;
}

/** A location code, never broken at its hyphen. */
function Code({ children }: { children: string }) {
  return <span className="whitespace-nowrap">{children}</span>;
}

/** The location of a row; for a transfer, "MAIN → SHOP", or "out of MAIN" / "into SHOP". */
function Place({ row }: { row: ProductLedgerRow }) {
  const route = row.transfer;
  if (!route) {
    return (
      <span title={row.locationName}>
        <Code>{row.locationCode}</Code>
      </span>
    );
  }
  if (route.from && route.to) {
    return (
      <span title={`Transfer from ${route.from} to ${route.to}`}>
        <Code>{route.from}</Code> <span aria-hidden="true">→</span>
        <span className="sr-only">to</span> <Code>{route.to}</Code>
      </span>
    );
  }
  return (
    <span title={row.locationName}>
      <span className="font-sans text-slate-500">{route.from ? 'out of' : 'into'}</span> <Code>{route.from ?? route.to ?? row.locationCode}</Code>
    </span>
  );
}

/**
 * "25 Nov 2026, 10:44 CET" that may break only after the comma: a narrow column puts the
 * time under the date instead of leaving the zone alone on a line.
 */
/** A row read from the archive (ledger:archive): as immutable as the live ledger, kept apart. */
function ArchivedTag() {
  return <span className="ml-1.5 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">Archived</span>;
}

function When({ date }: { date: Date }) {
  const text = formatDateTime(date);
  const comma = text.lastIndexOf(', ');
  return (
    <time dateTime={date.toISOString()} title={text}>
      <span className="whitespace-nowrap">{text.slice(0, comma + 1)}</span> <span className="whitespace-nowrap">{text.slice(comma + 2)}</span>
    </time>
  );
}

function Notes({ row }: { row: ProductLedgerRow }) {
  if (!row.reason && !row.reference && row.unitCostCents === null) return <span className="text-slate-500">—</span>;
  return (
    <>
      {row.reason && <span className="block break-words text-slate-700">{row.reason}</span>}
      {row.reference && <span className="block font-mono text-xs text-slate-500 [overflow-wrap:anywhere]">{row.reference}</span>}
      {row.unitCostCents !== null && <span className="block text-xs text-slate-500">@ {formatMoney(row.unitCostCents)} each</span>}
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
              <th scope="col" className="px-3 py-2.5 text-right font-medium">
                Qty
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
                  {row.archived && <ArchivedTag />}
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-right">
                  <Signed quantity={row.quantity} />
                  <span className="block text-xs tabular-nums text-slate-500">{formatInteger(row.balanceAfter)} after</span>
                </td>
                <td className="px-3 py-3 font-mono text-xs text-slate-700">
                  <Place row={row} />
                </td>
                <td className="min-w-40 px-3 py-3">
                  <Notes row={row} />
                </td>
                <td className="py-3 pl-3 pr-5 text-slate-600">
                  <span className="block whitespace-nowrap">{row.by ?? 'System'}</span>
                  <span className="block text-xs text-slate-500">
                    <When date={row.createdAt} />
                  </span>
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
                {row.archived && <ArchivedTag />}
                <span className="min-w-0 font-mono text-xs text-slate-600">
                  <Place row={row} />
                </span>
              </div>
              {row.reason && <p className="mt-1 break-words text-slate-700">{row.reason}</p>}
              {/* A reference gets its own line, so that it breaks only when longer than one. */}
              {row.reference && <p className="mt-0.5 font-mono text-xs text-slate-500 [overflow-wrap:anywhere]">{row.reference}</p>}
              <p className="mt-1 text-xs text-slate-500">
                {row.by ?? 'System'} · <When date={row.createdAt} />
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
