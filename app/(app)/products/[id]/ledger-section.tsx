import Link from 'next/link';
import type { ParsedMovementFilters } from '@/components/movements/parse-movement-filters';
import { toQueryString } from '@/components/movements/parse-movement-filters';
import { ProductLedger } from '@/components/products/product-ledger';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime } from '@/lib/format';
import type { ProductPageView } from '@/lib/inventory/catalog/load-product-page';
import { LedgerFilters } from './ledger-filters';

/** The product's ledger: filters, a page of movements newest first, and links to older pages. */
export function LedgerSection({ view, filters, pageSize, canMove }: { view: ProductPageView; filters: ParsedMovementFilters; pageSize: number; canMove: boolean }) {
  const { product, ledger, levels, archivedThrough } = view;
  const { productId: _productId, ...ledgerParams } = filters.params;
  const { includeArchived, ...filterParams } = ledgerParams;
  const filtered = Object.keys(filterParams).length > 0;
  const paging = Boolean(filters.query?.cursor);
  const allArchived = Boolean(archivedThrough) && !includeArchived && !filtered && !paging;
  return (
    <Card
      title="Recent movements"
      description="This product's stock history (the ledger), newest first"
      action={
        <Link href={`/movements${toQueryString(filters.params)}`} className="text-sm font-medium text-brand-600 hover:text-brand-700">
          Open in ledger
        </Link>
      }
    >
      <div id="ledger" className="scroll-mt-20">
        <LedgerFilters productId={product.id} values={filters.values} errors={filters.errors} locations={levels.map((level) => ({ id: level.id, code: level.code, deleted: level.deleted }))} />
        {archivedThrough && (
          <p className="mx-5 mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
            <span>
              The live ledger starts after {formatDateTime(archivedThrough)}: earlier movements are archived.
            </span>
            <Link
              href={`/products/${product.id}${toQueryString({ ...filterParams, includeArchived: includeArchived ? undefined : 'true' })}#ledger`}
              scroll={false}
              className="font-medium text-brand-600 hover:text-brand-700"
            >
              {includeArchived ? 'Hide archived movements' : 'Show archived movements'}
            </Link>
          </p>
        )}
        {filters.errors.cursor && (
          <p role="alert" className="mx-5 mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            This page link is no longer valid: start again from the newest movements.
          </p>
        )}
        {!ledger ? (
          <EmptyState title="Check the filters" description="One of the filters above needs attention." />
        ) : ledger.rows.length === 0 ? (
          <EmptyState
            title={paging ? 'No older movements' : filtered ? 'No movements match these filters' : allArchived ? 'Every movement is archived' : 'No stock has moved yet'}
            description={filtered ? 'Try a wider date range or clear the filters.' : canMove ? 'Receive stock to put this product on the shelf.' : 'Receipts, shipments, transfers and counts appear here.'}
          />
        ) : (
          <ProductLedger rows={ledger.rows} />
        )}
        {(paging || ledger?.nextCursor) && (
          <nav aria-label="Stock history pages" className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm">
            {paging ? (
              <Link href={`/products/${product.id}${toQueryString(ledgerParams)}#ledger`} scroll={false} className="font-medium text-brand-600 hover:text-brand-700">
                ← Newest
              </Link>
            ) : (
              <span className="text-slate-500">Latest {pageSize}</span>
            )}
            {ledger?.nextCursor && (
              <Link href={`/products/${product.id}${toQueryString({ ...ledgerParams, cursor: ledger.nextCursor })}#ledger`} scroll={false} className="font-medium text-brand-600 hover:text-brand-700">
                Older movements →
              </Link>
            )}
          </nav>
        )}
      </div>
    </Card>
  );
}
