import Link from 'next/link';
import { formatInteger, formatMoney } from '@/lib/format';
import type { PurchaseOrderRecord } from '@/lib/inventory/purchasing/present-purchase-order';

function receivedTone(line: PurchaseOrderRecord['lines'][number]): string {
  if (line.receivedQuantity === line.quantity) return 'text-green-700';
  return line.receivedQuantity > 0 ? 'text-amber-700' : 'text-slate-500';
}

/**
 * An order's lines, read-only: a table from the sm breakpoint up (and on paper), a card per
 * line below it, so that a phone reads every figure without scrolling sideways.
 */
export function OrderLines({ order, number, total }: { order: PurchaseOrderRecord; number: string; total: bigint }) {
  // Only once goods can arrive; and never on paper, which goes to the supplier.
  const received = order.status === 'ORDERED' || order.status === 'PARTIALLY_RECEIVED' || order.status === 'RECEIVED';
  const receivedCell = received ? 'print:hidden' : 'hidden';
  const quantityLabel = received ? 'Ordered' : 'Quantity';
  return (
    <>
      <div className="hidden sm:block print:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Lines of {number}</caption>
          <thead>
            <tr className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium uppercase tracking-wide text-slate-500">
              <th scope="col" className="px-5 py-2.5 text-left">
                Product
              </th>
              <th scope="col" className="px-3 py-2.5 text-right">
                {quantityLabel}
              </th>
              <th scope="col" className={`px-3 py-2.5 text-right ${receivedCell}`}>
                Received
              </th>
              <th scope="col" className="px-3 py-2.5 text-right whitespace-nowrap">
                Unit cost
              </th>
              <th scope="col" className="px-5 py-2.5 text-right whitespace-nowrap">
                Line total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {order.lines.map((line) => (
              <tr key={line.id} className="align-top">
                <td className="px-5 py-3">
                  <Link href={`/products/${line.productId}`} className="block font-medium break-words text-slate-900 hover:text-brand-700">
                    {line.product.name}
                  </Link>
                  <span className="font-mono text-xs text-slate-500">{line.product.sku}</span>
                </td>
                <td className="px-3 py-3 text-right tabular-nums">{formatInteger(line.quantity)}</td>
                <td className={`px-3 py-3 text-right tabular-nums ${receivedTone(line)} ${receivedCell}`}>{formatInteger(line.receivedQuantity)}</td>
                <td className="px-3 py-3 text-right tabular-nums whitespace-nowrap">{formatMoney(line.unitCostCents)}</td>
                <td className="px-5 py-3 text-right tabular-nums whitespace-nowrap">{formatMoney(BigInt(line.quantity) * BigInt(line.unitCostCents))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-200 font-semibold text-slate-900">
              {/* Spans the columns before the line totals: three without Received. */}
              <td className={`px-5 py-3 ${received ? 'print:hidden' : 'hidden'}`} colSpan={4}>
                Total
              </td>
              <td className={`px-5 py-3 ${received ? 'hidden print:table-cell' : ''}`} colSpan={3}>
                Total
              </td>
              <td className="px-5 py-3 text-right tabular-nums whitespace-nowrap">{formatMoney(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="sm:hidden print:hidden">
        <ul className="divide-y divide-slate-100" aria-label={`Lines of ${number}`}>
          {order.lines.map((line) => (
            <li key={line.id} className="px-4 py-3 text-sm">
              <Link href={`/products/${line.productId}`} className="block font-medium break-words text-slate-900 hover:text-brand-700">
                {line.product.name}
              </Link>
              <span className="font-mono text-xs text-slate-500">{line.product.sku}</span>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1">
                <div className="flex justify-between gap-2">
                  <dt className="text-slate-500">{quantityLabel}</dt>
                  <dd className="tabular-nums">{formatInteger(line.quantity)}</dd>
                </div>
                <div className={`flex justify-between gap-2 ${received ? '' : 'hidden'}`}>
                  <dt className="text-slate-500">Received</dt>
                  <dd className={`tabular-nums ${receivedTone(line)}`}>{formatInteger(line.receivedQuantity)}</dd>
                </div>
                <div className="flex justify-between gap-2">
                  <dt className="text-slate-500">Unit cost</dt>
                  <dd className="tabular-nums">{formatMoney(line.unitCostCents)}</dd>
                </div>
                <div className="flex justify-between gap-2">
                  <dt className="text-slate-500">Total</dt>
                  <dd className="font-medium tabular-nums text-slate-900">{formatMoney(BigInt(line.quantity) * BigInt(line.unitCostCents))}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
          <span>Total</span>
          <span className="tabular-nums">{formatMoney(total)}</span>
        </p>
      </div>
    </>
  );
}
