import type { Metadata } from 'next';
import Link from 'next/link';
import { Dash, DataTable } from '@/components/catalog/data-table';
import { DraftOrdersButton } from '@/components/purchasing/order-buttons';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { searchParam } from '@/lib/forms/form-data';
import { formatInteger } from '@/lib/format';
import { listReplenishment } from '@/lib/inventory/purchasing/list-replenishment';
import { DEFAULT_USAGE_DAYS, replenishmentQuerySchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { draftOrdersAction } from '../actions';

export const metadata: Metadata = { title: 'What to order' };

export default async function ReplenishmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor('replenishment:read');
  const search = await searchParams;
  const query = replenishmentQuerySchema.safeParse({ limit: '200', cursor: searchParam(search.cursor) || undefined });
  const page = await listReplenishment(query.success ? query.data : { days: DEFAULT_USAGE_DAYS, limit: 200 });

  return (
    <>
      <PageHeader
        title="What to order"
        description="Products whose stock plus what is on order is below their reorder point: usage from the last 30 days of shipments times the supplier's lead time, plus safety stock."
        actions={page.data.length > 0 ? <DraftOrdersButton action={draftOrdersAction} /> : undefined}
      />
      <Card>
        {page.data.length === 0 ? (
          <EmptyState title="Nothing to order" description="Every product has enough stock and orders to last its lead time." />
        ) : (
          <DataTable
            caption="Products to reorder"
            rows={page.data}
            rowKey={(row) => row.productId}
            columns={[
              {
                key: 'product',
                header: 'Product',
                cell: (row) => (
                  <Link href={`/products/${row.productId}`} className="block min-w-0 hover:text-brand-700">
                    <span className="block font-medium text-slate-900">{row.name}</span>
                    <span className="block font-mono text-xs text-slate-500">{row.sku}</span>
                  </Link>
                ),
                className: 'min-w-48 max-w-72',
              },
              { key: 'onHand', header: 'On hand', align: 'right', cell: (row) => formatInteger(row.onHand) },
              { key: 'onOrder', header: 'On order', align: 'right', cell: (row) => formatInteger(row.onOrder) },
              {
                key: 'cover',
                header: 'Days of cover',
                align: 'right',
                // The usage the cover comes from, under it: one column fewer, so the table fits a laptop.
                cell: (row) => (
                  <>
                    <span className="block">{row.daysOfCover === null ? <Dash /> : formatInteger(row.daysOfCover)}</span>
                    <span className="block text-xs whitespace-nowrap text-slate-500">{row.dailyUsage} a day</span>
                  </>
                ),
              },
              { key: 'point', header: 'Reorder point', align: 'right', cell: (row) => formatInteger(row.reorderPoint), hideOnPhone: true },
              { key: 'suggested', header: 'Suggested', align: 'right', cell: (row) => <span className="font-semibold text-slate-900">{formatInteger(row.suggestedQuantity)}</span> },
              {
                key: 'supplier',
                header: 'Supplier',
                cell: (row) =>
                  row.supplierName ? (
                    <>
                      <span className="block break-words">{row.supplierName}</span>
                      <span className="block text-xs text-slate-500">{row.leadTimeDays === 1 ? '1 day' : `${row.leadTimeDays} days`} lead time</span>
                    </>
                  ) : (
                    <span className="text-amber-700">No supplier linked</span>
                  ),
                className: 'min-w-40',
              },
            ]}
          />
        )}
        {page.nextCursor && (
          <nav aria-label="Pages" className="flex justify-end border-t border-slate-100 px-5 py-3 text-sm">
            <Link href={`/purchasing/replenishment?cursor=${encodeURIComponent(page.nextCursor)}`} className="font-medium text-brand-600 hover:text-brand-700">
              More products →
            </Link>
          </nav>
        )}
      </Card>
      <p className="mt-3 text-xs text-slate-500">Draft orders makes one draft per supplier with these quantities; products without a supplier are left for you to order by hand.</p>
    </>
  );
}
