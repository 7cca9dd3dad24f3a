import type { Metadata } from 'next';
import Link from 'next/link';
import { Dash, DataTable } from '@/components/catalog/data-table';
import { FlashToast } from '@/components/products/flash-toast';
import { OrderStatusBadge } from '@/components/purchasing/order-status-badge';
import { OrderStatusTabs } from '@/components/purchasing/order-status-tabs';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { searchParam } from '@/lib/forms/form-data';
import { formatDate, formatInteger, formatMoney } from '@/lib/format';
import { listPurchaseOrders } from '@/lib/inventory/purchasing/list-purchase-orders';
import { formatOrderNumber, type PurchaseOrderRecord } from '@/lib/inventory/purchasing/present-purchase-order';
import { purchaseOrderListQuerySchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { getDisplayFormat } from '@/lib/settings/get-display-format';

export const metadata: Metadata = { title: 'Purchasing' };

function orderTotalCents(order: PurchaseOrderRecord): bigint {
  return order.lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitCostCents), 0n);
}

export default async function PurchasingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('catalog:read');
  await getDisplayFormat();
  const search = await searchParams;
  const requested = searchParam(search.status).toUpperCase();
  const query = purchaseOrderListQuerySchema.safeParse({ status: requested || undefined, limit: '50', cursor: searchParam(search.cursor) || undefined });
  const filter = query.success ? query.data : { limit: 50 };
  const page = await listPurchaseOrders(filter);
  const current = query.success && query.data.status ? query.data.status : 'ALL';
  const base = current === 'ALL' ? '/purchasing' : `/purchasing?status=${current.toLowerCase()}`;
  const drafted = /^drafted-(\d+)$/.exec(searchParam(search.flash))?.[1];
  const canPlan = can(actor.role, 'purchasing:write');

  return (
    <>
      {drafted !== undefined && (
        <FlashToast message={drafted === '0' ? 'Nothing needs ordering right now.' : `Drafted ${drafted} orders, one per supplier.`} cleanHref={base} />
      )}
      <PageHeader
        title="Purchasing"
        description="Orders to suppliers, from draft to received. Receiving posts the stock, at the order's costs."
        actions={
          canPlan ? (
            <>
              <ButtonLink href="/purchasing/replenishment" variant="secondary">
                What to order
              </ButtonLink>
              <ButtonLink href="/purchasing/new">New order</ButtonLink>
            </>
          ) : undefined
        }
      />
      <OrderStatusTabs current={current} />
      <Card>
        {page.data.length === 0 ? (
          <EmptyState
            title={current === 'ALL' ? 'No purchase orders yet' : 'No orders here'}
            description={canPlan ? 'Start a new order by hand, or draft them from "What to order": it suggests what to order from each supplier.' : 'Orders a manager places appear here to be received.'}
          />
        ) : (
          <>
            <DataTable
              caption="Purchase orders"
              rows={page.data}
              rowKey={(order) => order.id}
              columns={[
                {
                  key: 'number',
                  header: 'Order',
                  cell: (order) => (
                    <>
                      <Link href={`/purchasing/${order.id}`} className="font-mono font-medium text-brand-600 hover:text-brand-700">
                        {formatOrderNumber(order.number)}
                      </Link>
                      {/* A phone's card says who and where it stands in its title, instead of two more lines. */}
                      <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 md:hidden">
                        <OrderStatusBadge status={order.status} />
                        <span className="font-medium text-slate-900">{order.supplier.name}</span>
                      </span>
                    </>
                  ),
                },
                { key: 'supplier', header: 'Supplier', cell: (order) => <span className="break-words">{order.supplier.name}</span>, className: 'min-w-40 max-w-64', hideOnPhone: true },
                { key: 'status', header: 'Status', cell: (order) => <OrderStatusBadge status={order.status} />, hideOnPhone: true },
                {
                  key: 'received',
                  header: 'Received',
                  align: 'right',
                  cell: (order) =>
                    `${formatInteger(order.lines.reduce((sum, line) => sum + line.receivedQuantity, 0))} of ${formatInteger(order.lines.reduce((sum, line) => sum + line.quantity, 0))}`,
                },
                { key: 'total', header: 'Total', align: 'right', cell: (order) => formatMoney(orderTotalCents(order)) },
                { key: 'expected', header: 'Expected', cell: (order) => (order.expectedAt ? formatDate(order.expectedAt) : <Dash />) },
                { key: 'created', header: 'Created', cell: (order) => <span className="whitespace-nowrap">{formatDate(order.createdAt)}</span>, hideOnPhone: true },
              ]}
            />
            {page.nextCursor && (
              <nav aria-label="Pages" className="flex justify-end border-t border-slate-100 px-5 py-3 text-sm">
                <Link href={`${base}${base.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(page.nextCursor)}`} className="font-medium text-brand-600 hover:text-brand-700">
                  Older orders →
                </Link>
              </nav>
            )}
          </>
        )}
      </Card>
    </>
  );
}
