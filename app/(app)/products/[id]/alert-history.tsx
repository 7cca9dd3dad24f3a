import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDate, formatDateTime, formatInteger } from '@/lib/format';
import type { AlertStatus, listAlerts } from '@/lib/inventory/list-alerts';

type InventoryAlert = Awaited<ReturnType<typeof listAlerts>>['data'][number];

const STATUS: Record<AlertStatus, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'Active', tone: 'red' },
  DISMISSED: { label: 'Dismissed', tone: 'amber' },
  RESOLVED: { label: 'Resolved', tone: 'green' },
};

/** The product's alerts, newest first: the open one (if any) on top, then the resolved ones. */
export function AlertHistory({ alerts, reorderLevel }: { alerts: InventoryAlert[]; reorderLevel: number }) {
  if (alerts.length === 0) {
    // On hand can never fall below 0, so a reorder level of 0 means no alert will ever open.
    return (
      <p className="px-5 py-4 text-sm text-slate-500">
        {reorderLevel === 0 ? 'Alerts are off for this product (reorder level 0).' : `No alerts yet. One opens when on hand falls below ${formatInteger(reorderLevel)}.`}
      </p>
    );
  }
  const open = alerts.some((alert) => alert.status !== 'RESOLVED');
  return (
    <>
      <ul className="divide-y divide-slate-100" aria-label="Alerts of this product, newest first">
        {alerts.map((alert) => (
          <li key={alert.id} className="px-5 py-3 text-sm">
            <div className="flex items-center justify-between gap-2">
              <Badge tone={STATUS[alert.status].tone}>{STATUS[alert.status].label}</Badge>
              <time dateTime={alert.createdAt.toISOString()} className="whitespace-nowrap text-xs text-slate-500">
                {formatDateTime(alert.createdAt)}
              </time>
            </div>
            <p className="mt-1 text-slate-600">
              {alert.status === 'RESOLVED'
                ? `Opened at ${formatInteger(alert.onHandAtTrigger)} on hand (reorder level ${formatInteger(alert.reorderLevel)})${alert.resolvedAt ? `, resolved ${formatDate(alert.resolvedAt)}` : ''}.`
                : `Below reorder level: ${formatInteger(alert.onHandAtTrigger)} on hand when it opened, reorder level ${formatInteger(alert.reorderLevel)}.`}
              {alert.status === 'DISMISSED' && alert.dismissedAt ? ` Dismissed ${formatDate(alert.dismissedAt)}.` : ''}
            </p>
          </li>
        ))}
      </ul>
      {open && <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">An open alert resolves by itself when stock is back at {formatInteger(reorderLevel)} or more.</p>}
    </>
  );
}
