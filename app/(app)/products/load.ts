import { decodeSortCursor, type Page, type SortCursor } from '@/lib/http/pagination';
import { listAlerts } from '@/lib/inventory/list-alerts';
import { listCategories } from '@/lib/inventory/list-categories';
import { listLocations } from '@/lib/inventory/list-locations';
import { listSuppliers } from '@/lib/inventory/list-suppliers';

/**
 * Wiring for the product pages: whole option lists for selects and name lookups, read
 * through the domain's own paginated use cases. Small shops have a handful of each; the
 * page bound only stops a runaway loop.
 */
const PAGE = 200;
const MAX_PAGES = 25;

async function everything<T>(list: (cursor?: SortCursor) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: SortCursor | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await list(cursor);
    rows.push(...result.data);
    cursor = result.nextCursor ? decodeSortCursor(result.nextCursor) : undefined;
    if (!cursor) break;
  }
  return rows;
}

/** Categories, suppliers or locations, deleted ones too (to name what a product still points at). */
export const allCategories = () => everything((cursor) => listCategories({ limit: PAGE, cursor, includeDeleted: true }));
export const allSuppliers = () => everything((cursor) => listSuppliers({ limit: PAGE, cursor, includeDeleted: true }));
export const allLocations = () => everything((cursor) => listLocations({ limit: PAGE, cursor, includeDeleted: true }));

/**
 * The product's unresolved alert (at most one exists: a partial unique index), found by
 * reading the unresolved alerts page by page. lib/inventory has no per-product alert query
 * yet; this stays correct, and is cheap while few products are low at once. Callers ask only
 * for a product below its reorder level: the ledger keeps "an unresolved alert exists exactly
 * when on hand < reorder level" true at every commit.
 */
export async function findUnresolvedAlert(productId: number) {
  for (const status of ['ACTIVE', 'DISMISSED'] as const) {
    let cursor: number | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await listAlerts({ status, limit: PAGE, cursor });
      const found = result.data.find((alert) => alert.productId === productId);
      if (found) return found;
      const last = result.data.at(-1);
      if (!result.nextCursor || !last) break;
      cursor = last.id;
    }
  }
  return null;
}
