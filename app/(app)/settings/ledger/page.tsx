import type { Metadata } from 'next';
import { DataTable } from '@/components/catalog/data-table';
import { ArchiveLedgerDialog } from '@/components/settings/archive-ledger-dialog';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime, formatInteger } from '@/lib/format';
import { getLedgerArchiveSummary } from '@/lib/inventory/ledger/get-ledger-archive-summary';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { addDays, shopToday } from '@/lib/time/shop-day';
import { archiveLedgerAction } from './actions';

export const metadata: Metadata = { title: 'Ledger archive' };

export default async function LedgerArchivePage() {
  const actor = await requirePageActor('users:manage');
  const [summary, settings] = await Promise.all([getLedgerArchiveSummary(), getShopSettings()]);
  const latestDay = addDays(shopToday(settings.timezone), 1);
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${actor.email} (${ROLE_LABELS[actor.role]}).`} />
      <SettingsTabs current="ledger" showUsers />
      <Card>
        <header className="flex flex-col items-start gap-3 border-b border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 className="text-sm font-semibold text-slate-800">Ledger archive</h2>
            <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
              Old movements can move out of the live ledger so that it stays small. Each stock level keeps a checkpoint of its balance and average cost, so on-hand, past
              valuations and ledger:verify do not change.
            </p>
          </div>
          <ArchiveLedgerDialog action={archiveLedgerAction} latestDay={latestDay} />
        </header>
        <dl className="grid grid-cols-2 divide-x divide-slate-100 border-b border-slate-100">
          <div className="px-5 py-4">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Live ledger</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatInteger(summary.liveRows)}</dd>
            <dd className="text-xs text-slate-500">movements</dd>
          </div>
          <div className="px-5 py-4">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Archived</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatInteger(summary.archivedRows)}</dd>
            <dd className="text-xs text-slate-500">movements</dd>
          </div>
        </dl>
        {summary.runs.length === 0 ? (
          <EmptyState title="Nothing archived yet" description="Every movement is in the live ledger." />
        ) : (
          <DataTable
            caption="Archive runs, newest first"
            rows={summary.runs}
            rowKey={(run) => run.id}
            columns={[
              { key: 'before', header: 'Before', cell: (run) => <span className="font-mono text-xs text-slate-700">{run.beforeDay}</span> },
              { key: 'archived', header: 'Moved', cell: (run) => <span className="tabular-nums">{formatInteger(run.archived)}</span> },
              { key: 'checkpoints', header: 'Checkpoints', cell: (run) => <span className="tabular-nums">{formatInteger(run.checkpoints)}</span> },
              { key: 'started', header: 'Started', cell: (run) => <span className="text-slate-600">{formatDateTime(run.startedAt)}</span> },
              {
                key: 'status',
                header: 'Status',
                cell: (run) => (run.finishedAt ? <Badge tone="green">Done</Badge> : <Badge tone="amber">Stopped: run again to finish</Badge>),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
