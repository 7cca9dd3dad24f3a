import { db } from '@/lib/db/client';
import type { ProductSupplier } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';

/** A supplier's link to one product, with what a person needs to recognise the product. */
export type SupplierProductRecord = ProductSupplier & {
  product: { id: number; sku: string; name: string; unit: string; onHand: number };
};

/**
 * The live products a live supplier is linked to, by SKU, at most `limit` of them (`hasMore`
 * says when there were more). Links to deleted products are kept in the table (undeleting
 * would bring them back) but are not listed. Unknown or deleted supplier: 404.
 */
export async function listSupplierProducts({ supplierId, limit }: { supplierId: number; limit: number }): Promise<{ data: SupplierProductRecord[]; hasMore: boolean }> {
  const supplier = await db().supplier.findFirst({ where: { id: supplierId, deletedAt: null }, select: { id: true } });
  if (!supplier) throw notFound('Supplier');
  const rows = await db().productSupplier.findMany({
    where: { supplierId, product: { deletedAt: null } },
    include: { product: { select: { id: true, sku: true, name: true, unit: true, onHand: true } } },
    // skuKey is the SKU folded for uniqueness, so the order ignores case on both engines.
    orderBy: [{ product: { skuKey: 'asc' } }, { productId: 'asc' }],
    take: limit + 1,
  });
  return { data: rows.slice(0, limit), hasMore: rows.length > limit };
}
