import { formatInteger, formatMoney } from '@/lib/format';
import type { ProductPageView } from '@/lib/inventory/catalog/load-product-page';
import { parseMoneyToCents } from '@/lib/money';

function Stat({ label, value, hint, tone = 'neutral' }: { label: string; value: string; hint?: string; tone?: 'neutral' | 'red' }) {
  return (
    <div className={`rounded-xl border bg-white p-4 shadow-sm sm:p-5 ${tone === 'red' ? 'border-red-200' : 'border-slate-200'}`}>
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums tracking-tight sm:text-3xl ${tone === 'red' ? 'text-red-600' : 'text-slate-900'}`}>{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

/** "2.3333" (four decimals of the average cost) with thousands grouped. */
function averageCost(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/**
 * The figures of a product. The standard cost (what it is expected to cost, typed in the
 * form) sits beside the ledger's moving average (what the stock on hand was bought at),
 * which values the stock here as on the dashboard and in Reports.
 */
export function ProductStats({ view }: { view: ProductPageView }) {
  const { product, lowStock, stockValue } = view;
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-3 xl:grid-cols-6">
      <Stat label="On hand" value={formatInteger(product.onHand)} hint={`${product.unit} over all locations`} tone={lowStock ? 'red' : 'neutral'} />
      <Stat
        label="Days of cover"
        value={view.usage.daysOfCover === null ? '—' : formatInteger(view.usage.daysOfCover)}
        hint={`${view.usage.shipped > 0 ? `${view.usage.dailyUsage} a day over ${view.usage.days} days` : `Nothing shipped in ${view.usage.days} days`} · ${formatInteger(product.onOrder)} on order`}
      />
      <Stat label="Reorder level" value={formatInteger(product.reorderLevel)} hint={`Safety stock ${formatInteger(product.safetyStock)} · order ${formatInteger(product.reorderQuantity)}`} />
      <Stat label="Price" value={formatMoney(product.priceCents)} />
      <Stat label="Cost" value={formatMoney(product.costCents)} hint="Standard cost" />
      <Stat label="Average cost" value={averageCost(view.averageCost)} hint={`Moving average · stock value ${formatMoney(parseMoneyToCents(stockValue) ?? 0)}`} />
    </div>
  );
}
