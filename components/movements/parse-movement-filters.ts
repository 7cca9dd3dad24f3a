import { fieldErrorsFromZod } from '@/lib/errors';
import { searchParam } from '@/lib/forms/form-data';
import { findProductRef, type ProductRef } from '@/lib/inventory/find-product-ref';
import { movementListQuerySchema, type MovementFilter } from '@/lib/inventory/list-movements';
import type { MovementFilterValues } from './movement-filters';

type SearchParams = Record<string, string | string[] | undefined>;

export interface ParsedMovementFilters {
  values: MovementFilterValues;
  errors: Record<string, string>;
  product: ProductRef | null;
  /** The query for listLedgerEntries, or null when a filter is wrong (nothing is listed then). */
  query: { filter: MovementFilter; limit: number; cursor?: number } | null;
  /** The filters as query parameters (for links: the next page, the CSV download). */
  params: Record<string, string>;
}

/**
 * Reads the ledger filters of a page's search parameters through the API's own schema
 * (movementListQuerySchema). `product` is what a person typed (a SKU or an id); `productId`
 * comes from links elsewhere in the app.
 */
export async function parseMovementFilters(searchParams: SearchParams, { limit }: { limit: number }): Promise<ParsedMovementFilters> {
  const values: MovementFilterValues = {
    product: searchParam(searchParams.product),
    locationId: searchParam(searchParams.locationId),
    type: searchParam(searchParams.type),
    from: searchParam(searchParams.from),
    to: searchParam(searchParams.to),
  };
  const productId = searchParam(searchParams.productId);
  const errors: Record<string, string> = {};
  let product: ProductRef | null = null;
  if (values.product) {
    product = await findProductRef({ text: values.product });
    if (!product) errors.product = 'No product with this SKU or id';
  } else if (productId) {
    product = /^\d{1,10}$/.test(productId) ? await findProductRef({ id: Number(productId) }) : null;
    if (product) values.product = product.sku;
    else errors.product = 'No product with this id';
  }

  const parsed = movementListQuerySchema.safeParse({
    limit: String(limit),
    cursor: searchParam(searchParams.cursor) || undefined,
    productId: product?.id,
    locationId: values.locationId || undefined,
    type: values.type || undefined,
    from: values.from || undefined,
    to: values.to || undefined,
    includeArchived: searchParam(searchParams.includeArchived) === 'true' ? 'true' : undefined,
  });
  if (!parsed.success) Object.assign(errors, fieldErrorsFromZod(parsed.error));

  const params: Record<string, string> = {};
  if (product) params.productId = String(product.id);
  for (const key of ['locationId', 'type', 'from', 'to'] as const) if (values[key]) params[key] = values[key];
  if (parsed.success && parsed.data.includeArchived) params.includeArchived = 'true';

  if (!parsed.success || Object.keys(errors).length > 0) return { values, errors, product, query: null, params };
  const { limit: pageSize, cursor, ...filter } = parsed.data;
  return { values, errors, product, query: { filter, limit: pageSize, cursor }, params };
}

export function toQueryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
