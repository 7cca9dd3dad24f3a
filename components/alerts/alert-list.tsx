import Link from 'next/link';
import type { FormAction } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, formatInteger } from '@/lib/format';
import { isLowStock } from '@/lib/inventory/is-low-stock';
import type { AlertEntry } from '@/lib/inventory/list-alert-entries';
import { DismissAlertButton } from './dismiss-alert-button';

function Figure({ label, value, tone = 'neutral' }: { label: string; value: number; tone?: 'neutral' | 'red' }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-sm font-semibold tabular-nums ${tone === 'red' ? 'text-red-700' : 'text-slate-900'}`}>{formatInteger(value)}</dd>
    </div>
  );
}

function When({ alert }: { alert: AlertEntry }) {
  const at = alert.status === 'RESOLVED' ? alert.resolvedAt : alert.status === 'DISMISSED' ? alert.dismissedAt : null;
  return (
    <p className="text-xs text-slate-500">
      Triggered <time dateTime={alert.createdAt.toISOString()}>{formatDateTime(alert.createdAt)}</time>
      {at && (
        <>
          <span aria-hidden="true"> · </span>
          {alert.status === 'RESOLVED' ? 'resolved' : 'dismissed'} <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>
        </>
      )}
    </p>
  );
}

/**
 * Alerts as a list of rows that reflow into cards on phones: the product, the figures at the
 * time it fired, the stock now, and (for active ones, to those who may) a Dismiss button.
 */
export function AlertList({ alerts, dismissAction }: { alerts: AlertEntry[]; dismissAction?: FormAction }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Alerts">
      {alerts.map((alert) => {
        const { product } = alert;
        const stillLow = isLowStock(product);
        return (
          <li key={alert.id} className="flex flex-col gap-3 px-5 py-4 md:flex-row md:items-center md:gap-6">
            <div className="min-w-0 flex-1">
              {product.deletedAt ? (
                <p className="text-sm font-medium text-slate-700">
                  {product.name} <Badge>Deleted</Badge>
                </p>
              ) : (
                <Link href={`/products/${product.id}`} className="text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {product.name}
                </Link>
              )}
              <p className="font-mono text-xs text-slate-500">{product.sku}</p>
              <div className="mt-1">
                <When alert={alert} />
              </div>
            </div>
            <dl className="grid grid-cols-3 gap-4 md:w-80">
              <Figure label="On hand then" value={alert.onHandAtTrigger} tone="red" />
              <Figure label="Reorder level" value={alert.reorderLevel} />
              <Figure label="On hand now" value={product.onHand} tone={stillLow ? 'red' : 'neutral'} />
            </dl>
            <div className="flex items-center gap-2 md:w-28 md:justify-end">
              {alert.status === 'ACTIVE' && dismissAction ? (
                <DismissAlertButton alertId={alert.id} productLabel={`${product.sku} ${product.name}`} action={dismissAction} />
              ) : alert.status === 'DISMISSED' ? (
                <Badge tone="amber">Dismissed</Badge>
              ) : alert.status === 'RESOLVED' ? (
                <Badge tone="green">Resolved</Badge>
              ) : (
                <Badge tone="red">Active</Badge>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
