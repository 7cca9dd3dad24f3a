import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertList } from '@/components/alerts/alert-list';
import { AlertStatusTabs, type AlertTab } from '@/components/alerts/alert-status-tabs';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { searchParam } from '@/lib/forms/form-data';
import { countActiveAlerts } from '@/lib/inventory/count-active-alerts';
import { alertListQuerySchema } from '@/lib/inventory/list-alerts';
import { listAlertEntries } from '@/lib/inventory/list-alert-entries';
import { dismissAlertAction } from './actions';

export const metadata: Metadata = { title: 'Alerts' };

const EMPTY: Record<AlertTab, { title: string; description: string }> = {
  active: { title: 'No active alerts', description: 'When a product falls below its reorder level, an alert appears here.' },
  dismissed: { title: 'No dismissed alerts', description: 'Alerts you acknowledge stay here, quiet, until their stock recovers.' },
  resolved: { title: 'No resolved alerts yet', description: 'Alerts move here once the product is back at or above its reorder level.' },
};

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('alerts:read');
  const search = await searchParams;
  const requested = searchParam(search.status).toLowerCase();
  const tab: AlertTab = requested === 'dismissed' || requested === 'resolved' ? requested : 'active';
  const query = alertListQuerySchema.safeParse({ status: tab.toUpperCase(), limit: '50', cursor: searchParam(search.cursor) || undefined });
  const status = query.success ? query.data.status : 'ACTIVE';
  const [page, activeCount] = await Promise.all([
    listAlertEntries(query.success ? query.data : { status: 'ACTIVE', limit: 50 }),
    countActiveAlerts(),
  ]);
  const canDismiss = can(actor.role, 'alerts:write');
  const base = tab === 'active' ? '/alerts' : `/alerts?status=${tab}`;

  return (
    <>
      <PageHeader title="Alerts" description="Products that fell below their reorder level. An alert resolves by itself when stock is back at or above the level." />
      <AlertStatusTabs current={tab} activeCount={activeCount} />
      <Card>
        {!query.success && (
          <p role="alert" className="m-5 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            That page link is no longer valid; showing the newest alerts.
          </p>
        )}
        {page.data.length === 0 ? (
          <EmptyState {...EMPTY[tab]} />
        ) : (
          <>
            <AlertList alerts={page.data} dismissAction={canDismiss && status === 'ACTIVE' ? dismissAlertAction : undefined} />
            <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
              <span>
                {page.data.length} alert{page.data.length === 1 ? '' : 's'} on this page
              </span>
              <span className="flex gap-4">
                {query.success && query.data.cursor && (
                  <Link href={base} className="font-medium text-brand-600 hover:text-brand-700">
                    Newest
                  </Link>
                )}
                {page.nextCursor && (
                  <Link href={`${base}${base.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(page.nextCursor)}`} className="font-medium text-brand-600 hover:text-brand-700">
                    Older alerts →
                  </Link>
                )}
              </span>
            </nav>
          </>
        )}
      </Card>
      {!canDismiss && status === 'ACTIVE' && page.data.length > 0 && <p className="mt-3 text-xs text-slate-500">Managers and admins can dismiss alerts.</p>}
    </>
  );
}
