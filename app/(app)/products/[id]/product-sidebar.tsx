import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { OrderStatusBadge } from '@/components/purchasing/order-status-badge';
import { Card } from '@/components/ui/card';
import { formatDate, formatInteger, formatMoney } from '@/lib/format';
import type { ProductPageView } from '@/lib/inventory/catalog/load-product-page';
import { AlertHistory } from './alert-history';

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 px-5 py-2.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-right text-slate-900">{children}</dd>
    </div>
  );
}

/** The narrow column: the product's alerts, its suppliers and its details. */
export function ProductSidebar({ view }: { view: ProductPageView }) {
  const { product, category, alerts } = view;
  return (
    <div className="space-y-6">
      <Card
        title="Alerts"
        action={
          <Link href="/alerts" className="text-sm font-medium text-brand-600 hover:text-brand-700">
            All alerts
          </Link>
        }
      >
        <AlertHistory alerts={alerts} reorderLevel={product.reorderLevel} />
      </Card>

      <Card title="On order">
        {view.openOrders.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No open purchase order.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {view.openOrders.map((order) => (
              <li key={order.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                <div className="min-w-0">
                  <Link href={`/purchasing/${order.id}`} className="font-medium text-brand-700 hover:text-brand-800">
                    {order.number}
                  </Link>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {formatInteger(order.remaining)} {product.unit} to come{order.expectedAt ? ` · expected ${formatDate(order.expectedAt)}` : ''}
                  </p>
                </div>
                <OrderStatusBadge status={order.status} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Suppliers">
        {product.suppliers.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No supplier linked.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {product.suppliers.map((link) => (
              <li key={link.supplierId} className="px-5 py-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate font-medium text-slate-900">{link.supplier.name}</span>
                  {link.preferred && <Badge tone="blue">Preferred</Badge>}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  Lead time {formatInteger(link.leadTimeDays)} day{link.leadTimeDays === 1 ? '' : 's'}
                  {link.unitCostCents !== null ? ` · ${formatMoney(link.unitCostCents)} each` : ''}
                  {link.supplierSku ? (
                    <>
                      {' · '}
                      <span className="font-mono">{link.supplierSku}</span>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Details">
        <dl className="divide-y divide-slate-100">
          <Detail label="Unit">{product.unit}</Detail>
          <Detail label="Category">{category ? category.name : <span className="text-slate-500">None</span>}</Detail>
          <Detail label="Created">{formatDate(product.createdAt)}</Detail>
          <Detail label="Updated">{formatDate(product.updatedAt)}</Detail>
        </dl>
        {product.description && (
          <div className="border-t border-slate-100 px-5 py-3">
            <p className="text-sm font-medium text-slate-500">Description</p>
            <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{product.description}</p>
          </div>
        )}
      </Card>
    </div>
  );
}
