import Form from 'next/form';
import Link from 'next/link';
import { DataTable } from '@/components/catalog/data-table';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { formatInteger, formatMoney } from '@/lib/format';
import type { StockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { parseMoneyToCents } from '@/lib/money';

function cents(value: string): number {
  return parseMoneyToCents(value) ?? 0;
}

/** "2.3333" (four decimals of the average cost) with thousands grouped. */
function averageCost(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

function Total({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={`rounded-lg bg-slate-50 px-4 py-3 ${wide ? 'col-span-2 sm:col-span-1' : ''}`}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums tracking-tight text-slate-900">{value}</dd>
    </div>
  );
}

/** The as-of date picker, the totals, and the largest lines of the valuation (already chosen, largest first). */
export function ValuationPreview({
  valuation,
  asOf,
  asOfError,
  today,
  preserve,
}: {
  valuation: StockValuation | null;
  asOf: string;
  asOfError?: string;
  today: string;
  preserve: Record<string, string>;
}) {
  const largest = valuation?.rows ?? [];
  return (
    <>
      <div className="flex flex-col gap-4 border-b border-slate-100 px-5 py-4 lg:flex-row lg:items-end lg:justify-between">
        <Form action="/reports" scroll={false} className="flex flex-wrap items-start gap-2" aria-label="Valuation date">
          {Object.entries(preserve).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
          <Field label="As of the end of" name="asOf" type="date" max={today} defaultValue={asOf} error={asOfError} hint="Empty means now" className="w-48" />
          <Button type="submit" variant="secondary" className="mt-6">
            Show
          </Button>
          {asOf && (
            <Link href={`/reports${preserveQuery(preserve)}`} scroll={false} className="mt-6 inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100">
              Now
            </Link>
          )}
        </Form>
        {valuation && (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:w-[30rem]">
            <Total label="Total value" value={formatMoney(cents(valuation.totalValue))} wide />
            <Total label="Units on hand" value={formatInteger(valuation.totalQuantity)} />
            <Total label="Lines" value={formatInteger(valuation.lineCount)} />
          </dl>
        )}
      </div>
      {!valuation ? (
        <EmptyState title="Pick a valid date" description="The valuation is computed from the ledger for any past day." />
      ) : largest.length === 0 ? (
        <EmptyState title="No stock on that day" description="Nothing was on hand at the end of that day." />
      ) : (
        <>
          <DataTable
            caption="Stock valuation, largest values first"
            rows={largest}
            rowKey={(row) => `${row.productId}-${row.locationId}`}
            columns={[
              {
                key: 'product',
                header: 'Product',
                cell: (row) => (
                  <Link href={`/products/${row.productId}`} className="group block">
                    <span className="block font-medium text-slate-900 group-hover:text-brand-700 group-hover:underline">{row.name}</span>
                    <span className="block font-mono text-xs text-slate-500">{row.sku}</span>
                  </Link>
                ),
              },
              { key: 'location', header: 'Location', cell: (row) => <span className="font-mono text-xs text-slate-700">{row.locationCode}</span> },
              { key: 'quantity', header: 'Quantity', align: 'right', cell: (row) => formatInteger(row.quantity) },
              { key: 'unitCost', header: 'Average cost', align: 'right', cell: (row) => <span className="text-slate-600">{averageCost(row.unitCost)}</span> },
              { key: 'value', header: 'Value', align: 'right', cell: (row) => <span className="font-semibold text-slate-900">{formatMoney(cents(row.value))}</span> },
            ]}
          />
          {valuation.lineCount > largest.length && (
            <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
              The {largest.length} largest of {formatInteger(valuation.lineCount)} lines. Download the report for all of them and the total row.
            </p>
          )}
        </>
      )}
    </>
  );
}

function preserveQuery(params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
