import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import type { ProductDetailRecord } from './present-product';

/**
 * One live product with its stock per location (locations that are live or still hold
 * stock) and its links to live suppliers, preferred first. Deleted products are 404.
 */
export async function getProduct({ id }: { id: number }): Promise<ProductDetailRecord> {
  const product = await db().product.findFirst({
    where: { id, deletedAt: null },
    include: {
      levels: {
        where: { OR: [{ onHand: { gt: 0 } }, { location: { deletedAt: null } }] },
        include: { location: { select: { code: true } } },
        orderBy: { locationId: 'asc' },
      },
      suppliers: {
        where: { supplier: { deletedAt: null } },
        include: { supplier: { select: { name: true } } },
        orderBy: [{ preferred: 'desc' }, { supplierId: 'asc' }],
      },
    },
  });
  if (!product) throw notFound('Product');
  return product;
}
