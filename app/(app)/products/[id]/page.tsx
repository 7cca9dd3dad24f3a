import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StockHistoryChart } from '@/components/charts/stock-history-chart';
import { parseMovementFilters } from '@/components/movements/parse-movement-filters';
import { FlashToast } from '@/components/products/flash-toast';
import { StockActions } from '@/components/products/stock-actions';
import { Card } from '@/components/ui/card';
import { displayTimeZone } from '@/lib/format';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors';
import { loadProductPage } from '@/lib/inventory/catalog/load-product-page';
import { getProduct } from '@/lib/inventory/get-product';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { formatCents } from '@/lib/money';
import { deleteProduct, postMovement } from '../actions';
import { LedgerSection } from './ledger-section';
import { ProductHeader } from './product-header';
import { ProductSidebar } from './product-sidebar';
import { ProductStats } from './product-stats';
import { StockByLocation } from './stock-by-location';

const LEDGER_ROWS = 20;
const HISTORY_DAYS = 90;
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

const FLASH: Record<string, string> = { created: 'created', saved: 'saved' };

export default async function ProductPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('catalog:read');
  const product = await findProduct((await params).id);
  if (!product) notFound();
  const search = await searchParams;
  const flash = typeof search.flash === 'string' ? FLASH[search.flash] : undefined;
  // The ledger filters go through the same parser (and API schema) as the movements page,
  // with the product fixed to this one.
  const filters = await parseMovementFilters({ ...search, product: undefined, productId: String(product.id) }, { limit: LEDGER_ROWS });
  const view = await loadProductPage({ product, ledger: filters.query, historyDays: HISTORY_DAYS, alertCount: ALERTS_SHOWN });
  const canMove = can(actor.role, 'movements:write');

  return (
    <>
      {flash && <FlashToast message={`Product ${product.sku} ${flash}.`} cleanHref={`/products/${product.id}`} />}
      <ProductHeader view={view} canEdit={can(actor.role, 'catalog:write')} deleteAction={deleteProduct} />
      {canMove && (
        <div className="mb-6">
          <StockActions
            product={{ id: product.id, sku: product.sku, name: product.name, unit: product.unit, cost: formatCents(product.costCents) }}
            locations={view.stockLocations}
            action={postMovement}
          />
        </div>
      )}
      <ProductStats view={view} />
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <StockByLocation view={view} canMove={canMove} />
          <Card title="On hand over time" description={`All locations summed, last ${HISTORY_DAYS} days (${displayTimeZone()})`}>
            <StockHistoryChart points={view.history} reorderLevel={product.reorderLevel} unit={product.unit} />
          </Card>
          <LedgerSection view={view} filters={filters} pageSize={LEDGER_ROWS} canMove={canMove} />
        </div>
        <ProductSidebar view={view} />
      </div>
    </>
  );
}
