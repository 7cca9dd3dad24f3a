import type { Metadata } from 'next';
import Link from 'next/link';
import { MovementTypeBadge } from '@/components/inventory/movement-type-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { formatDateTime, formatInteger, formatSigned } from '@/lib/format';
import { getDashboardSummary } from '@/lib/inventory/get-dashboard-summary';
import { displayCents } from '@/lib/money';

export const metadata: Metadata = { title: 'Dashboard' };

function Stat({ label, value, tone = 'neutral', hint }: { label: string; value: string; tone?: 'neutral' | 'red'; hint?: string }) {
  return (
    <div className={`rounded-xl border bg-white p-5 shadow-sm ${tone === 'red' ? 'border-red-200' : 'border-slate-200'}`}>
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className={`mt-2 text-3xl font-semibold tabular-nums tracking-tight ${tone === 'red' ? 'text-red-600' : 'text-slate-900'}`}>{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const summary = await getDashboardSummary();
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${actor.name}. Here is your stock at a glance.`} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Products" value={formatInteger(summary.productCount)} />
        <Stat label="Units on hand" value={formatInteger(summary.unitsOnHand)} />
        <Stat label="Stock value" value={displayCents(summary.stockValueCents)} hint="At standard cost" />
        <Stat label="Active alerts" value={formatInteger(summary.activeAlertCount)} tone={summary.activeAlertCount > 0 ? 'red' : 'neutral'} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Card title="Low stock" className="lg:col-span-2" action={<Link href="/alerts" className="text-sm font-medium text-brand-600 hover:text-brand-700">All alerts</Link>}>
          {summary.lowStock.length === 0 ? (
            <EmptyState title="Nothing is running low" description="Products below their reorder level appear here." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.lowStock.map((item) => (
                <li key={item.productId} className="flex items-center justify-between gap-3 px-5 py-3">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{item.name}</p>
                    <p className="font-mono text-xs text-slate-500">{item.sku}</p>
                  </div>
                  <Badge tone="red">
                    {formatInteger(item.onHand)} / {formatInteger(item.reorderLevel)}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Recent movements" className="lg:col-span-3" action={<Link href="/movements" className="text-sm font-medium text-brand-600 hover:text-brand-700">Ledger</Link>}>
          {summary.recentMovements.length === 0 ? (
            <EmptyState title="No stock has moved yet" description="Receipts, shipments, transfers and counts appear here as they are posted." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.recentMovements.map((movement) => (
                <li key={movement.id} className="flex items-center gap-3 px-5 py-3">
                  <MovementTypeBadge type={movement.type} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm text-slate-900">
                      <span className="font-medium">{movement.productName}</span> <span className="font-mono text-xs text-slate-500">{movement.sku}</span>
                    </p>
                    <p className="text-xs text-slate-500">
                      {movement.locationCode} · {formatDateTime(movement.createdAt)}
                      {movement.createdBy ? ` · ${movement.createdBy}` : ''}
                    </p>
                  </div>
                  <span className={`text-sm font-semibold tabular-nums ${movement.quantity < 0 ? 'text-slate-700' : 'text-emerald-700'}`}>{formatSigned(movement.quantity)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
