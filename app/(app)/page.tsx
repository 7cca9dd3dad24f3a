import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DailyMovementsChart } from '@/components/charts/daily-movements-chart';
import { MovementTypeBadge } from '@/components/inventory/movement-type-badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DraftOrdersButton } from '@/components/purchasing/order-buttons';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { formatDateTime, formatInteger, formatMoney, formatSigned, type DisplaySettings } from '@/lib/format';
import { getDailyMovementTotals } from '@/lib/inventory/get-daily-movement-totals';
import { getDashboardSummary } from '@/lib/inventory/get-dashboard-summary';
import { parseMoneyToCents } from '@/lib/money';
import { getDisplayFormat } from '@/lib/settings/get-display-format';
import { draftOrdersAction } from './purchasing/actions';

export const metadata: Metadata = { title: 'Dashboard' };

const CHART_DAYS = 30;

const ICONS = {
  products: 'M21 8l-9-5-9 5 9 5 9-5zM3 8v8l9 5 9-5V8M12 13v8',
  units: 'M12 3l9 5-9 5-9-5 9-5zM3 12.5l9 5 9-5M3 16.5l9 5 9-5',
  value: 'M3 6.5h18v11H3zM12 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM6.5 12h.01M17.5 12h.01',
  alerts: 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zM10 19a2 2 0 0 0 4 0',
} as const;

function Stat({ href, label, value, hint, icon, alarm = false }: { href: string; label: string; value: string; hint: string; icon: keyof typeof ICONS; alarm?: boolean }) {
  // Long figures (a big shop's stock value) step down a size instead of spilling out of the card.
  const size = value.length > 9 ? 'text-xl sm:text-2xl' : 'text-2xl sm:text-3xl';
  return (
    <Link
      href={href}
      className={`group block min-w-0 rounded-xl border bg-white p-4 shadow-xs transition-colors sm:p-5 ${
        alarm ? 'border-red-200 hover:border-red-300' : 'border-slate-200 hover:border-slate-300'
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="truncate text-sm font-medium text-slate-500">{label}</p>
        <svg
          viewBox="0 0 24 24"
          className={`h-5 w-5 shrink-0 ${alarm ? 'text-red-500' : 'text-slate-300 group-hover:text-slate-400'}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d={ICONS[icon]} />
        </svg>
      </div>
      <p className={`mt-2 font-semibold tabular-nums tracking-tight [overflow-wrap:anywhere] ${size} ${alarm ? 'text-red-600' : 'text-slate-900'}`}>{value}</p>
      <p className={`mt-1 truncate text-xs ${alarm ? 'text-red-600' : 'text-slate-500'}`}>{hint}</p>
    </Link>
  );
}

/** "24 Nov, 17:55" this year in the shop's zone (its title names the zone), the full date and time before: short enough for a phone row. */
function formatRecent(date: Date, now: Date, { locale, timeZone }: DisplaySettings): string {
  const year = new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone });
  if (year.format(date) !== year.format(now)) return formatDateTime(date);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

function CardLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="rounded text-sm font-medium text-brand-600 hover:text-brand-700">
      {children}
    </Link>
  );
}

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const [summary, daily, { settings: display }] = await Promise.all([getDashboardSummary(), getDailyMovementTotals({ days: CHART_DAYS }), getDisplayFormat()]);
  const firstName = actor.name.trim().split(/\s+/)[0] || actor.name;
  const alerts = summary.activeAlertCount;
  const now = new Date();
  const canWriteCatalog = can(actor.role, 'catalog:write');
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back, ${firstName}. Your stock at a glance.`}
        actions={
          canWriteCatalog ? (
            <ButtonLink href="/products/new" className="w-full sm:w-auto">
              New product
            </ButtonLink>
          ) : undefined
        }
      />

      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat href="/products" icon="products" label="Products" value={formatInteger(summary.productCount)} hint="In the catalog" />
        <Stat href="/products" icon="units" label="Units on hand" value={formatInteger(summary.unitsOnHand)} hint="Across all locations" />
        <Stat href="/reports" icon="value" label="Stock value" value={formatMoney(parseMoneyToCents(summary.stockValue) ?? 0)} hint="At moving average cost" />
        <Stat
          href="/alerts"
          icon="alerts"
          label="Active alerts"
          value={formatInteger(alerts)}
          hint={alerts > 0 ? 'Below reorder level' : 'Nothing to reorder'}
          alarm={alerts > 0}
        />
      </div>

      <Card title="Movements" description={`Units in and out per day, last ${CHART_DAYS} days (${display.timeZone})`} className="mt-6" action={<CardLink href="/movements">View ledger</CardLink>}>
        <DailyMovementsChart days={daily} />
      </Card>

      {/* items-start: a short Low stock card keeps its own height beside a long movements list. */}
      <div className="mt-6 grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
        <Card title="Low stock" description="Products below their reorder level" className="lg:col-span-2" action={<CardLink href="/alerts">All alerts</CardLink>}>
          {summary.lowStock.length === 0 ? (
            <EmptyState
              title="Nothing is running low"
              description="Products that fall below their reorder level appear here."
              icon={
                <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M5 12.5l4.5 4.5L19 7.5" />
                </svg>
              }
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.lowStock.map((item) => (
                <li key={item.productId}>
                  <Link href={`/products/${item.productId}`} className="flex items-center justify-between gap-3 px-5 py-3 transition-colors hover:bg-slate-50">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-slate-900">{item.name}</p>
                      <p className="truncate font-mono text-xs text-slate-500">{item.sku}</p>
                    </div>
                    <div className="shrink-0 text-right">
                      <p className="text-sm font-semibold tabular-nums text-red-600">{formatInteger(item.onHand)} left</p>
                      <p className="text-xs tabular-nums text-slate-500">reorder at {formatInteger(item.reorderLevel)}</p>
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {alerts > summary.lowStock.length && (
            <div className="border-t border-slate-100 px-5 py-3 text-sm">
              <CardLink href="/alerts">
                {formatInteger(alerts - summary.lowStock.length)} more on the alerts page <span aria-hidden="true">→</span>
              </CardLink>
            </div>
          )}
          {summary.lowStock.length > 0 && can(actor.role, 'purchasing:write') && (
            <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3">
              <p className="text-xs text-slate-500">One draft per supplier, sized from recent usage.</p>
              <DraftOrdersButton action={draftOrdersAction} size="sm" />
            </div>
          )}
        </Card>

        <Card title="Recent movements" description="The latest entries in the stock ledger" className="lg:col-span-3" action={<CardLink href="/movements">View ledger</CardLink>}>
          {summary.recentMovements.length === 0 ? (
            <EmptyState
              title="No stock has moved yet"
              description={
                summary.productCount === 0
                  ? 'Start by adding a product, then receive stock into a location.'
                  : 'Receipts, shipments, transfers and counts appear here as they are posted.'
              }
              action={
                summary.productCount === 0 && canWriteCatalog ? (
                  <ButtonLink href="/products/new" variant="secondary" size="sm">
                    Add your first product
                  </ButtonLink>
                ) : undefined
              }
              icon={
                <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M7 7h13l-4-4M17 17H4l4 4" />
                </svg>
              }
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.recentMovements.map((movement) => (
                <li key={movement.id} className="flex items-center gap-3 px-5 py-3">
                  <div className="hidden w-[5.5rem] shrink-0 sm:block">
                    <MovementTypeBadge type={movement.type} />
                  </div>
                  <div className="min-w-0 flex-1">
                    {/* The SKU wraps under the name when both do not fit: a cut SKU cannot be read. */}
                    <p className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
                      <Link href={`/products/${movement.productId}`} className="max-w-full truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {movement.productName}
                      </Link>
                      <span className="min-w-0 font-mono text-xs text-slate-500 [overflow-wrap:anywhere]">{movement.sku}</span>
                    </p>
                    <p className="mt-1 flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-slate-500 sm:mt-0.5">
                      <span className="sm:hidden">
                        <MovementTypeBadge type={movement.type} />
                      </span>
                      <span className="font-mono">{movement.locationCode}</span>
                      <span aria-hidden="true">·</span>
                      <time dateTime={movement.createdAt.toISOString()} title={formatDateTime(movement.createdAt)} className="whitespace-nowrap">
                        {formatRecent(movement.createdAt, now, display)}
                      </time>
                      {movement.createdBy && (
                        <span className="hidden min-w-0 truncate sm:inline">
                          <span aria-hidden="true">· </span>
                          {movement.createdBy}
                        </span>
                      )}
                    </p>
                  </div>
                  <span className={`shrink-0 text-sm font-semibold tabular-nums ${movement.quantity < 0 ? 'text-slate-700' : 'text-emerald-700'}`}>
                    {formatSigned(movement.quantity)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
