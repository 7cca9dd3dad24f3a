import Link from 'next/link';
import { Dash, DataTable } from '@/components/catalog/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatInteger, formatMoney } from '@/lib/format';
import type { LowStockRow } from '@/lib/inventory/reports/get-low-stock-report';
import { parseMoneyToCents } from '@/lib/money';

function money(value: string | null) {
  const cents = value === null ? undefined : parseMoneyToCents(value);
  return cents === undefined ? <Dash /> : <span className="tabular-nums">{formatMoney(cents)}</span>;
}

/** The most urgent low-stock products with what to order and from whom. */
export function LowStockPreview({ rows }: { rows: LowStockRow[] }) {
  if (rows.length === 0) return <EmptyState title="Nothing is below its reorder level" description="Products appear here when their stock falls below the reorder level." />;
  return (
    <DataTable
      caption="Low stock, most urgent first"
      rows={rows}
      rowKey={(row) => row.productId}
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
        { key: 'onHand', header: 'On hand', align: 'right', cell: (row) => <span className="font-semibold text-red-700">{formatInteger(row.onHand)}</span> },
        { key: 'reorderLevel', header: 'Reorder level', align: 'right', cell: (row) => formatInteger(row.reorderLevel) },
        { key: 'suggested', header: 'Suggested order', align: 'right', cell: (row) => <span className="font-semibold text-slate-900">{formatInteger(row.suggestedOrderQuantity)}</span> },
        {
          key: 'supplier',
          header: 'Supplier',
          cell: (row) =>
            row.preferredSupplierName ? (
              <span className="block">
                <span className="block text-slate-800">{row.preferredSupplierName}</span>
                {row.leadTimeDays !== null && (
                  <span className="block text-xs text-slate-500">
                    {row.leadTimeDays} day{row.leadTimeDays === 1 ? '' : 's'} lead time
                  </span>
                )}
              </span>
            ) : (
              <span className="text-slate-500">None linked</span>
            ),
        },
        { key: 'unitCost', header: 'Unit cost', align: 'right', cell: (row) => money(row.supplierUnitCost) },
      ]}
    />
  );
}
