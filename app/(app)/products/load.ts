import { decodeSortCursor, type Page, type SortCursor } from '@/lib/pagination';
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
