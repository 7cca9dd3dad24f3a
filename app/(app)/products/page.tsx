import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkDeleteBar, ProductSelection } from '@/components/products/bulk-delete';
import { FlashToast } from '@/components/products/flash-toast';
import { ProductFilters, type ProductFilterValues } from '@/components/products/product-filters';
import { ProductTable, type ProductRow } from '@/components/products/product-table';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formatInteger, formatMoney } from '@/lib/format';
import { searchParam } from '@/lib/forms/form-data';
import { findProductRef } from '@/lib/inventory/find-product-ref';
import { listProducts, MAX_PRODUCT_OFFSET, productListQuerySchema } from '@/lib/inventory/list-products';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { deleteProducts } from './actions';
import { allCategories, allLocations, allSuppliers } from './load';

export const metadata: Metadata = { title: 'Products' };

const PAGE_SIZE = 25;
const FILTER_KEYS = ['q', 'categoryId', 'supplierId', 'locationId', 'lowStock', 'includeDeleted', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type SearchParams = Record<string, string | string[] | undefined>;

function href(params: Partial<Record<FilterKey | 'page', string>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && !(key === 'sort' && value === 'sku') && !(key === 'page' && value === '1')) search.set(key, value);
  const text = search.toString();
  return text ? `/products?${text}` : '/products';
}

/**
 * Reads the URL through the API's own query schema. A parameter it refuses (a hand-edited
 * URL, a deleted category's id still bookmarked) is dropped and named, and the list shows
 * the rest, rather than failing the page.
 */
function parseQuery(search: SearchParams) {
  const raw: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = searchParam(search[key]);
    if (value) raw[key] = value;
  }
  const pageText = searchParam(search.page);
  let page = /^\d{1,7}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
  if ((page - 1) * PAGE_SIZE > MAX_PRODUCT_OFFSET) page = 1;
  const query = () => productListQuerySchema.safeParse({ ...raw, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  let parsed = query();
  const ignored: string[] = [];
  if (!parsed.success) {
    for (const key of Object.keys(fieldErrorsFromZod(parsed.error))) {
      if (key in raw) {
        delete raw[key as FilterKey];
        ignored.push(key);
      }
    }
    parsed = query();
  }
  return { raw, page, parsed: parsed.success ? parsed.data : null, ignored };
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor('catalog:read');
  const search = await searchParams;
  const { raw, page, parsed, ignored } = parseQuery(search);
  const deletedId = idParamSchema.safeParse(searchParam(search.deleted));
  const [result, categories, suppliers, locations, deleted] = await Promise.all([
    parsed
      ? listProducts({ filter: parsed, sort: parsed.sort, limit: parsed.limit, offset: parsed.offset })
      : Promise.resolve({ data: [], nextCursor: null }),
    allCategories(),
    allSuppliers(),
    allLocations(),
    // After a delete the action lands here; the toast names the product only if it really is deleted.
    deletedId.success ? findProductRef({ id: deletedId.data }) : Promise.resolve(null),
  ]);
  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
  const sort = parsed?.sort ?? 'sku';
  const rows: ProductRow[] = result.data.map((product) => ({
    id: product.id,
    sku: product.sku,
    name: product.name,
    category: product.categoryId === null ? null : (categoryNames.get(product.categoryId) ?? null),
    unit: product.unit,
    onHand: product.onHand,
    reorderLevel: product.reorderLevel,
    price: formatMoney(product.priceCents),
    updatedAt: product.updatedAt,
    deleted: product.deletedAt !== null,
  }));

  const values: ProductFilterValues = {
    q: raw.q ?? '',
    categoryId: raw.categoryId ?? '',
    supplierId: raw.supplierId ?? '',
    locationId: raw.locationId ?? '',
    lowStock: raw.lowStock === 'true',
    includeDeleted: raw.includeDeleted === 'true',
    sort,
  };
  const activeFilters = [values.categoryId, values.supplierId, values.locationId].filter(Boolean).length + (values.lowStock ? 1 : 0) + (values.includeDeleted ? 1 : 0);
  const filtered = activeFilters > 0 || values.q !== '';
  const hasNext = result.nextCursor !== null;
  const first = (page - 1) * PAGE_SIZE + 1;
  const canWrite = can(actor.role, 'catalog:write');
  const newButton = canWrite ? <ButtonLink href="/products/new">New product</ButtonLink> : undefined;

  return (
    <>
      {deleted?.deleted && <FlashToast message={`Product ${deleted.sku} deleted.`} cleanHref={href({ ...raw, page: String(page) })} />}
      <PageHeader title="Products" description="Everything you stock. Search by SKU or name; red numbers are below their reorder level." actions={newButton} />
      <ProductFilters
        values={values}
        activeFilters={activeFilters}
        categories={categories.filter((category) => category.deletedAt === null).map((category) => ({ id: category.id, label: category.name }))}
        suppliers={suppliers.filter((supplier) => supplier.deletedAt === null).map((supplier) => ({ id: supplier.id, label: supplier.name }))}
        locations={locations.filter((location) => location.deletedAt === null).map((location) => ({ id: location.id, label: `${location.code} · ${location.name}` }))}
      />

      {ignored.length > 0 && (
        <p role="status" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Part of this link was not understood and was left out ({ignored.join(', ')}).
        </p>
      )}

      <Card className="mt-6 overflow-hidden">
        {rows.length === 0 ? (
          page > 1 ? (
            <EmptyState
              title="No more products"
              description="This page is past the end of the list."
              action={
                <Link href={href({ ...raw })} className="text-sm font-medium text-brand-600 hover:text-brand-700">
                  Back to the first page
                </Link>
              }
            />
          ) : filtered ? (
            <EmptyState
              title="No products match"
              description="Try another search, or clear the filters."
              action={
                <Link href="/products" className="text-sm font-medium text-brand-600 hover:text-brand-700">
                  Clear search and filters
                </Link>
              }
            />
          ) : (
            <EmptyState
              title="No products yet"
              description={canWrite ? 'Add the first product you stock; receive it to put it on the shelf.' : 'A manager or admin adds products; they appear here.'}
              action={newButton}
            />
          )
        ) : (
          <ProductSelection products={canWrite ? rows.filter((row) => !row.deleted).map(({ id, sku, onHand }) => ({ id, sku, onHand })) : []}>
            {canWrite && <BulkDeleteBar action={deleteProducts} />}
            <ProductTable rows={rows} sort={sort} hrefFor={(next) => href({ ...raw, sort: next })} selectable={canWrite} />
            <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-500 sm:px-5">
              <span>
                {rows.length === 1 && page === 1 ? '1 product' : `${formatInteger(first)}–${formatInteger(first + rows.length - 1)}${hasNext ? '' : ` of ${formatInteger(first + rows.length - 1)}`}`}
              </span>
              <span className="flex gap-2">
                <PageLink href={page > 1 ? href({ ...raw, page: String(page - 1) }) : null} label="Previous" rel="prev" />
                <PageLink href={hasNext ? href({ ...raw, page: String(page + 1) }) : null} label="Next" rel="next" />
              </span>
            </nav>
          </ProductSelection>
        )}
      </Card>
    </>
  );
}

function PageLink({ href: target, label, rel }: { href: string | null; label: string; rel: 'prev' | 'next' }) {
  const content = rel === 'prev' ? `← ${label}` : `${label} →`;
  const base = 'inline-flex h-9 items-center rounded-lg px-3 font-medium';
  if (!target) {
    return (
      <span aria-disabled="true" className={`${base} text-slate-300`}>
        {content}
      </span>
    );
  }
  return (
    <Link href={target} rel={rel} className={`${base} text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50`}>
      {content}
    </Link>
  );
}
