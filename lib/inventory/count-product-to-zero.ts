import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import { postMovements, type PostMovementsAnswer } from './post-movements';

export const COUNT_TO_ZERO_REASON = 'Counted to zero before deleting';

/**
 * The way out of "still holds stock" before a delete: a COUNT of 0 at every location where
 * the product holds units, posted through the ledger in one transaction (all or none) like
 * any other count, so each write-off is an ordinary, audited ledger row. A COUNT posts the
 * difference from the balance it finds under its own lock, so units received meanwhile at
 * those locations are counted off too; `movements` is empty when nothing was held.
 */
export async function countProductToZero({ productId, actorId }: { productId: number; actorId: number }): Promise<PostMovementsAnswer> {
  const product = await db().product.findFirst({ where: { id: productId, deletedAt: null }, select: { id: true } });
  if (!product) throw notFound('Product');
  const levels = await db().stockLevel.findMany({ where: { productId, onHand: { gt: 0 } }, select: { locationId: true }, orderBy: { locationId: 'asc' } });
  if (levels.length === 0) return { data: [], onHand: 0 };
  const { answer } = await postMovements({
    actorId,
    movements: levels.map(({ locationId }) => ({ productId, type: 'COUNT', quantity: 0, locationId, reason: COUNT_TO_ZERO_REASON, reference: null })),
  });
  return answer;
}
