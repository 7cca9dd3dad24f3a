import type { Metadata } from 'next';
import Link from 'next/link';
import { LedgerTable } from '@/components/movements/ledger-table';
import { MovementFilters } from '@/components/movements/movement-filters';
import { parseMovementFilters, toQueryString } from '@/components/movements/parse-movement-filters';
import { DownloadLinks } from '@/components/reports/download-links';
import { ExportsList } from '@/components/reports/exports-list';
import { LowStockPreview } from '@/components/reports/low-stock-preview';
import { RunExportButton } from '@/components/reports/run-export-button';
import { SectionHeader } from '@/components/reports/section-header';
import { ValuationPreview } from '@/components/reports/valuation-preview';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { formatInteger } from '@/lib/format';
import { listLedgerEntries } from '@/lib/inventory/list-ledger-entries';
import { listLocations } from '@/lib/inventory/list-locations';
import { countLowStockProducts } from '@/lib/inventory/reports/count-low-stock-products';
import { getLowStockReport } from '@/lib/inventory/reports/get-low-stock-report';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { listExports } from '@/lib/inventory/reports/list-exports';
import { valuationQuerySchema } from '@/lib/inventory/reports/report-query-schemas';
import { getRequestShopSettings } from '@/lib/settings/get-shop-settings';
import { shopToday } from '@/lib/time/shop-day';
import { runExportAction } from './actions';

export const metadata: Metadata = { title: 'Reports' };

const LOW_STOCK_PREVIEW = 50;
const VALUATION_PREVIEW = 20;
const MOVEMENTS_PREVIEW = 20;

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

const SECTIONS = [
  { id: 'low-stock', label: 'Low stock' },
  { id: 'valuation', label: 'Stock valuation' },
  { id: 'movements', label: 'Movements' },
  { id: 'exports', label: 'Past exports' },
];

export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor('reports:read');
  const search = await searchParams;
  // Both forms on this page keep each other's parameters; the ledger's cursor has no place here.
  const { cursor: _cursor, ...withoutCursor } = search;
  const asOf = one(search.asOf);
  const asOfQuery = valuationQuerySchema.safeParse({ asOf: asOf || undefined });
  const [lowStock, lowStockCount, valuation, filters, locations, exports] = await Promise.all([
    getLowStockReport({ limit: LOW_STOCK_PREVIEW }),
    countLowStockProducts(),
    asOfQuery.success ? getStockValuation({ asOf: asOfQuery.data.asOf, limit: VALUATION_PREVIEW }) : Promise.resolve(null),
    parseMovementFilters(withoutCursor, { limit: MOVEMENTS_PREVIEW }),
    listLocations({ limit: 200, includeDeleted: true }),
    listExports({ limit: 20, cursor: undefined }),
  ]);
  const movements = filters.query ? await listLedgerEntries(filters.query) : null;
  const asOfError = asOfQuery.success ? undefined : asOfQuery.error.issues[0]?.message;
  const today = shopToday((await getRequestShopSettings()).timezone);
  const validAsOf = asOfQuery.success ? asOfQuery.data.asOf : undefined;

  return (
    <>
      <PageHeader
        title="Reports"
        description="What to reorder, what your stock is worth, and what moved. Every report downloads as CSV for a spreadsheet or JSON for a script."
        actions={can(actor.role, 'exports:run') ? <RunExportButton action={runExportAction} /> : undefined}
      />
      <nav aria-label="Reports on this page" className="-mt-2 mb-6 flex flex-wrap gap-2">
        {SECTIONS.map((section) => (
          <a key={section.id} href={`#${section.id}`} className="rounded-full bg-white px-3 py-1 text-sm font-medium text-slate-600 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 hover:text-slate-900">
            {section.label}
          </a>
        ))}
      </nav>

      <div className="space-y-6">
        <Card>
          <SectionHeader
            id="low-stock"
            title="Low stock"
            description={
              lowStockCount > lowStock.length
                ? `The ${lowStock.length} most urgent of ${formatInteger(lowStockCount)} products below their reorder level, with a suggested order.`
                : 'Products below their reorder level, most urgent first, with a suggested order.'
            }
            actions={
              <DownloadLinks
                label="the low-stock report"
                csv="/api/reports/low-stock?format=csv"
                json="/api/reports/low-stock?format=json"
                jsonFileName={`low-stock-${today}.json`}
              />
            }
          />
          <LowStockPreview rows={lowStock} />
        </Card>

        <Card>
          <SectionHeader
            id="valuation"
            title="Stock valuation"
            description="Quantity and value per product and location at moving weighted average cost, computed from the ledger for any day."
            actions={
              <DownloadLinks
                label="the stock valuation"
                csv={`/api/reports/stock-valuation${toQueryString({ format: 'csv', asOf: validAsOf })}`}
                json={`/api/reports/stock-valuation${toQueryString({ format: 'json', asOf: validAsOf })}`}
                jsonFileName={`stock-valuation-${validAsOf ?? today}.json`}
              />
            }
          />
          <ValuationPreview
            valuation={valuation}
            asOf={asOf}
            asOfError={asOfError}
            today={today}
            preserve={{ ...filters.values }}
          />
        </Card>

        <Card>
          <SectionHeader
            id="movements"
            title="Movements"
            description={`The ${MOVEMENTS_PREVIEW} newest movements matching the filters; the download holds every matching row.`}
            actions={
              <DownloadLinks
                label="the movements report"
                csv={`/api/reports/movements${toQueryString({ ...filters.params, format: 'csv' })}`}
                json={`/api/reports/movements${toQueryString({ ...filters.params, format: 'json' })}`}
              />
            }
          />
          <div className="border-b border-slate-100 px-5 py-4">
            <MovementFilters
              action="/reports"
              values={filters.values}
              errors={filters.errors}
              locations={locations.data.map((location) => ({ id: location.id, code: location.code, name: location.name, deleted: location.deletedAt !== null }))}
              preserve={{ asOf }}
              clearHref={asOf ? `/reports?asOf=${encodeURIComponent(asOf)}#movements` : '/reports#movements'}
              idPrefix="report"
              keepScroll
              framed={false}
            />
          </div>
          {!movements ? (
            <EmptyState title="Check the filters" description="One of the filters above needs attention." />
          ) : movements.data.length === 0 ? (
            <EmptyState title="No movements match these filters" />
          ) : (
            <>
              <LedgerTable entries={movements.data} caption="Newest matching movements" />
              <div className="border-t border-slate-100 px-5 py-3 text-sm">
                <Link href={`/movements${toQueryString(filters.params)}`} className="font-medium text-brand-600 hover:text-brand-700">
                  Open these in the ledger →
                </Link>
              </div>
            </>
          )}
        </Card>

        <Card>
          <SectionHeader
            id="exports"
            title="Past exports"
            description="Files written by the scheduled export (low stock and valuation, CSV and JSON), newest first."
          />
          <ExportsList
            exports={exports.data.map((record) => ({
              id: record.id,
              kind: record.kind,
              format: record.format,
              fileName: record.fileName,
              sizeBytes: record.sizeBytes,
              rowCount: record.rowCount,
              createdAt: record.createdAt,
              scheduled: record.createdById === null,
            }))}
          />
        </Card>
      </div>
    </>
  );
}
