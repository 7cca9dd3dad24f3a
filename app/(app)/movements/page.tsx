import type { Metadata } from 'next';
import Link from 'next/link';
import { LedgerTable } from '@/components/movements/ledger-table';
import { MovementFilters } from '@/components/movements/movement-filters';
import { parseMovementFilters, toQueryString } from '@/components/movements/parse-movement-filters';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { listLedgerEntries } from '@/lib/inventory/list-ledger-entries';
import { listLocations } from '@/lib/inventory/list-locations';

export const metadata: Metadata = { title: 'Stock movements' };

const PAGE_SIZE = 50;
const FILTER_FIELDS = ['product', 'productId', 'locationId', 'type', 'from', 'to'];

export default async function MovementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor('movements:read');
  const search = await searchParams;
  const [filters, locations] = await Promise.all([parseMovementFilters(search, { limit: PAGE_SIZE }), listLocations({ limit: 200, includeDeleted: true })]);
  const page = filters.query ? await listLedgerEntries(filters.query) : null;
  const filtered = Object.keys(filters.params).length > 0;
  const otherErrors = Object.entries(filters.errors).filter(([key]) => !FILTER_FIELDS.includes(key));
  const paging = Boolean(filters.query?.cursor);

  return (
    <>
      <PageHeader
        title="Stock movements"
        description="The ledger: every receipt, shipment, transfer, adjustment and count, newest first. Rows are never changed or deleted."
        actions={
          filters.query ? (
            <a
              href={`/api/reports/movements${toQueryString({ ...filters.params, format: 'csv' })}`}
              className="inline-flex h-10 shrink-0 items-center whitespace-nowrap rounded-lg bg-white px-4 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              Download CSV
            </a>
          ) : undefined
        }
      />
      <MovementFilters
        action="/movements"
        values={filters.values}
        errors={filters.errors}
        locations={locations.data.map((location) => ({ id: location.id, code: location.code, name: location.name, deleted: location.deletedAt !== null }))}
        clearHref="/movements"
      />

      <Card className="mt-6">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-5 py-3">
          <h2 className="text-sm font-semibold text-slate-800">
            {filters.product ? (
              <>
                Movements of <span className="font-mono">{filters.product.sku}</span> · {filters.product.name}
              </>
            ) : filtered ? (
              'Filtered movements'
            ) : (
              'All movements'
            )}
          </h2>
          {paging && (
            <Link href={`/movements${toQueryString(filters.params)}`} className="text-sm font-medium text-brand-600 hover:text-brand-700">
              ← Back to newest
            </Link>
          )}
        </header>
        {otherErrors.length > 0 && (
          <div role="alert" className="m-5 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {otherErrors.map(([key, message]) => (
              <span key={key} className="block">
                {key === 'cursor' ? 'This page link is no longer valid: start again from the newest movements.' : message}
              </span>
            ))}
          </div>
        )}
        {!page ? (
          <EmptyState title="Check the filters" description="One of the filters above needs attention." />
        ) : page.data.length === 0 ? (
          <EmptyState
            title={paging ? 'No older movements' : filtered ? 'No movements match these filters' : 'No stock has moved yet'}
            description={filtered ? 'Try a wider date range or clear the filters.' : 'Receipts, shipments, transfers and counts appear here as they are posted.'}
            action={
              filtered ? (
                <Link href="/movements" className="text-sm font-medium text-brand-600 hover:text-brand-700">
                  Clear filters
                </Link>
              ) : undefined
            }
          />
        ) : (
          <>
            <LedgerTable entries={page.data} caption="Stock movements, newest first" />
            <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
              <span>
                {page.data.length} movement{page.data.length === 1 ? '' : 's'} on this page
              </span>
              {page.nextCursor && (
                <Link href={`/movements${toQueryString({ ...filters.params, cursor: page.nextCursor })}`} className="font-medium text-brand-600 hover:text-brand-700">
                  Older movements →
                </Link>
              )}
            </nav>
          </>
        )}
      </Card>
    </>
  );
}
