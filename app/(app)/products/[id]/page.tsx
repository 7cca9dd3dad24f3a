import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StockHistoryChart } from '@/components/charts/stock-history-chart';
import { parseMovementFilters, toQueryString } from '@/components/movements/parse-movement-filters';
import { DeleteProductButton } from '@/components/products/delete-product-button';
import { FlashToast } from '@/components/products/flash-toast';
import { ProductLedger, type ProductLedgerRow } from '@/components/products/product-ledger';
import { StockActions } from '@/components/products/stock-actions';
import type { StockLocationOption } from '@/components/products/types';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors';
import { formatDate, formatInteger } from '@/lib/format';
import { getProduct } from '@/lib/inventory/get-product';
import { getProductStockHistory } from '@/lib/inventory/get-product-stock-history';
import { isLowStock } from '@/lib/inventory/is-low-stock';
import { listAlerts } from '@/lib/inventory/list-alerts';
import { listLedgerEntries, type LedgerEntry } from '@/lib/inventory/list-ledger-entries';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { displayCents, formatCents } from '@/lib/money';
import { deleteProduct, postMovement } from '../actions';
import { allCategories, allLocations } from '../load';
import { AlertHistory } from './alert-history';
import { LedgerFilters } from './ledger-filters';

const LEDGER_ROWS = 20;
const HISTORY_DAYS = 90;
/** Alerts listed per status; the card shows the newest few of them together. */
const ALERTS_PER_STATUS = 5;
const ALERTS_SHOWN = 6;

type Params = Promise<{ id: string }>;

/** The live product of the URL, or null (unknown, deleted, or not an id); read once per request. */
const findProduct = cache(async (idText: string) => {
  const id = idParamSchema.safeParse(idText);
  if (!id.success) return null;
  try {
    return await getProduct({ id: id.data });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const product = await findProduct((await params).id);
  return { title: product ? `${product.name} (${product.sku})` : 'Product' };
}

function Stat({ label, value, hint, tone = 'neutral' }: { label: string; value: string; hint?: string; tone?: 'neutral' | 'red' }) {
  return (
    <div className={`rounded-xl border bg-white p-4 shadow-sm sm:p-5 ${tone === 'red' ? 'border-red-200' : 'border-slate-200'}`}>
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums tracking-tight sm:text-3xl ${tone === 'red' ? 'text-red-600' : 'text-slate-900'}`}>{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 px-5 py-2.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-right text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * Where a transfer leg went: both ends when its other leg is on the same page, otherwise
 * (the ledger filtered to one location, or the legs split over two pages) this leg's end.
 */
function transferRoute(entry: LedgerEntry, legs: LedgerEntry[]): NonNullable<ProductLedgerRow['transfer']> {
  const out = legs.find((leg) => leg.quantity < 0);
  const into = legs.find((leg) => leg.quantity > 0);
  if (out && into) return { from: out.location.code, to: into.location.code };
  return entry.quantity < 0 ? { from: entry.location.code, to: null } : { from: null, to: entry.location.code };
}

const FLASH: Record<string, string> = { created: 'created', saved: 'saved' };

export default async function ProductPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('catalog:read');
  const product = await findProduct((await params).id);
  if (!product) notFound();
  const search = await searchParams;
  const flash = typeof search.flash === 'string' ? FLASH[search.flash] : undefined;
  const low = isLowStock(product);
  // The ledger filters go through the same parser (and API schema) as the movements page,
  // with the product fixed to this one.
  const filters = await parseMovementFilters({ ...search, product: undefined, productId: String(product.id) }, { limit: LEDGER_ROWS });
  const [categories, locations, ledger, history, ...alertPages] = await Promise.all([
    allCategories(),
    allLocations(),
    filters.query ? listLedgerEntries(filters.query) : Promise.resolve(null),
    getProductStockHistory({ productId: product.id, days: HISTORY_DAYS }),
    ...(['ACTIVE', 'DISMISSED', 'RESOLVED'] as const).map((status) => listAlerts({ status, limit: ALERTS_PER_STATUS, productId: product.id })),
  ]);
  const alerts = alertPages
    .flatMap((page) => page.data)
    .sort((a, b) => b.id - a.id)
    .slice(0, ALERTS_SHOWN);
  const { productId: _productId, ...ledgerParams } = filters.params;
  const ledgerFiltered = Object.keys(ledgerParams).length > 0;
  const paging = Boolean(filters.query?.cursor);
  const cursorError = filters.errors.cursor;
  const category = product.categoryId === null ? null : categories.find((candidate) => candidate.id === product.categoryId);
  const locationById = new Map(locations.map((location) => [location.id, location]));
  const onHandAt = new Map(product.levels.map((level) => [level.locationId, level.onHand]));
  // Every live location, and any deleted one still holding stock: what the dialogs offer.
  const candidates = locations
    .filter((location) => location.deletedAt === null || (onHandAt.get(location.id) ?? 0) > 0)
    .map((location) => ({ id: location.id, code: location.code, name: location.name, isDefault: location.isDefault, deleted: location.deletedAt !== null, onHand: onHandAt.get(location.id) ?? 0 }));
  const stockLocations: StockLocationOption[] = candidates.filter((level) => !level.deleted).map(({ id, code, name, isDefault, onHand }) => ({ id, code, name, isDefault, onHand }));
  // Stock by location lists only where the product is or was (a level row exists once stock
  // has moved there), holding ones first: a shop with many locations is not a wall of zeros.
  const levels = candidates.filter((level) => onHandAt.has(level.id)).sort((a, b) => Number(b.onHand > 0) - Number(a.onHand > 0));
  const neverHeld = candidates.length - levels.length;
  // The two legs of a transfer share a transferId; shown together they name the route.
  const legsByTransfer = new Map<string, LedgerEntry[]>();
  for (const entry of ledger?.data ?? []) {
    if (entry.transferId !== null) legsByTransfer.set(entry.transferId, [...(legsByTransfer.get(entry.transferId) ?? []), entry]);
  }
  const ledgerRows: ProductLedgerRow[] = (ledger?.data ?? []).map((entry) => ({
    id: entry.id,
    type: entry.type,
    quantity: entry.quantity,
    balanceAfter: entry.balanceAfter,
    unitCostCents: entry.unitCostCents,
    locationCode: entry.location.code,
    locationName: locationById.get(entry.locationId)?.name ?? entry.location.name,
    transfer: entry.transferId === null ? null : transferRoute(entry, legsByTransfer.get(entry.transferId) ?? []),
    by: entry.createdBy?.name ?? null,
    reason: entry.reason,
    reference: entry.reference,
    createdAt: entry.createdAt,
  }));
  const canMove = can(actor.role, 'movements:write');
  const canEdit = can(actor.role, 'catalog:write');
  const stockStatus = product.onHand === 0 ? <Badge tone="red">Out of stock</Badge> : low ? <Badge tone="red">Low stock</Badge> : <Badge tone="green">In stock</Badge>;

  return (
    <>
      {flash && <FlashToast message={`Product ${product.sku} ${flash}.`} cleanHref={`/products/${product.id}`} />}
      {/* Edit and Delete sit up by the breadcrumb, away from the stock buttons below the title,
          so that a thumb reaching for Receive on a phone does not land on Delete. */}
      <div className="mb-3 flex items-center justify-between gap-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/products" className="font-medium text-slate-500 hover:text-slate-800">
            ← Products
          </Link>
        </nav>
        {canEdit && (
          <div className="flex shrink-0 gap-2">
            <ButtonLink href={`/products/${product.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
            <DeleteProductButton product={{ id: product.id, sku: product.sku, name: product.name, onHand: product.onHand }} action={deleteProduct} />
          </div>
        )}
      </div>
      <div className="mb-6">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{product.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <span className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-sm text-slate-700">{product.sku}</span>
            {stockStatus}
            {category && <Badge tone="blue">{category.name}</Badge>}
            {category?.deletedAt && <Badge>Category deleted</Badge>}
          </div>
        </div>
      </div>

      {canMove && (
        <div className="mb-6">
          <StockActions
            product={{ id: product.id, sku: product.sku, name: product.name, unit: product.unit, cost: formatCents(product.costCents) }}
            locations={stockLocations}
            action={postMovement}
          />
        </div>
      )}

      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="On hand" value={formatInteger(product.onHand)} hint={`${product.unit} over all locations`} tone={low ? 'red' : 'neutral'} />
        <Stat label="Reorder level" value={formatInteger(product.reorderLevel)} hint={`Safety stock ${formatInteger(product.safetyStock)} · order ${formatInteger(product.reorderQuantity)}`} />
        <Stat label="Price" value={displayCents(product.priceCents)} />
        <Stat label="Cost" value={displayCents(product.costCents)} hint="Standard cost" />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Stock by location">
            {candidates.length === 0 ? (
              <EmptyState title="No locations" description="Add a location to keep stock in." />
            ) : levels.length === 0 ? (
              <EmptyState title="Not stocked anywhere yet" description={canMove ? 'Receive stock to put it on a shelf.' : 'It appears here once stock is received.'} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {levels.map((level) => (
                  <li key={level.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                    <span className="min-w-0">
                      <span className="font-mono text-xs font-medium text-slate-700">{level.code}</span>
                      <span className="ml-2 text-slate-600">{level.name}</span>
                      {level.isDefault && <span className="ml-2 text-xs text-slate-400">default</span>}
                      {level.deleted && (
                        <span className="ml-2">
                          <Badge>Location deleted</Badge>
                        </span>
                      )}
                    </span>
                    <span className={`font-semibold tabular-nums ${level.onHand === 0 ? 'text-slate-400' : 'text-slate-900'}`}>{formatInteger(level.onHand)}</span>
                  </li>
                ))}
              </ul>
            )}
            {levels.length > 0 && neverHeld > 0 && (
              <p className="border-t border-slate-100 px-5 py-2.5 text-xs text-slate-500">
                {neverHeld === 1 ? '1 other location has' : `${formatInteger(neverHeld)} other locations have`} never held this product.
              </p>
            )}
          </Card>

          <Card title="On hand over time" description={`All locations summed, last ${HISTORY_DAYS} days (UTC)`}>
            <StockHistoryChart points={history} reorderLevel={product.reorderLevel} unit={product.unit} />
          </Card>

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
              <LedgerFilters
                productId={product.id}
                values={filters.values}
                errors={filters.errors}
                locations={levels.map((level) => ({ id: level.id, code: level.code, deleted: level.deleted }))}
              />
              {cursorError && (
                <p role="alert" className="mx-5 mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
                  This page link is no longer valid: start again from the newest movements.
                </p>
              )}
              {!ledger ? (
                <EmptyState title="Check the filters" description="One of the filters above needs attention." />
              ) : ledgerRows.length === 0 ? (
                <EmptyState
                  title={paging ? 'No older movements' : ledgerFiltered ? 'No movements match these filters' : 'No stock has moved yet'}
                  description={
                    ledgerFiltered ? 'Try a wider date range or clear the filters.' : canMove ? 'Receive stock to put this product on the shelf.' : 'Receipts, shipments, transfers and counts appear here.'
                  }
                />
              ) : (
                <ProductLedger rows={ledgerRows} />
              )}
              {(paging || ledger?.nextCursor) && (
                <nav aria-label="Stock history pages" className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm">
                  {paging ? (
                    <Link href={`/products/${product.id}${toQueryString(ledgerParams)}#ledger`} scroll={false} className="font-medium text-brand-600 hover:text-brand-700">
                      ← Newest
                    </Link>
                  ) : (
                    <span className="text-slate-500">Latest {LEDGER_ROWS}</span>
                  )}
                  {ledger?.nextCursor && (
                    <Link
                      href={`/products/${product.id}${toQueryString({ ...ledgerParams, cursor: ledger.nextCursor })}#ledger`}
                      scroll={false}
                      className="font-medium text-brand-600 hover:text-brand-700"
                    >
                      Older movements →
                    </Link>
                  )}
                </nav>
              )}
            </div>
          </Card>
        </div>

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
                      {link.unitCostCents !== null ? ` · ${displayCents(link.unitCostCents)} each` : ''}
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
              <Detail label="Category">{category ? category.name : <span className="text-slate-400">None</span>}</Detail>
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
      </div>
    </>
  );
}
