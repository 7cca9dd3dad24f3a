import { recordAudit } from '@/lib/audit';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import { presentLocation } from './present-catalog';

/**
 * Soft-deletes a location (its code stays taken). The default location cannot be deleted,
 * nor one that still holds stock: transfer it first, so that every unit stays somewhere live.
 * Both refusals are 409 and roll the deletion back.
 */
export async function deleteLocation({ id, actorId }: { id: number; actorId: number | null }): Promise<Location> {
  return writeTransaction(async (tx) => {
    const now = new Date();
    // The first statement is a write (SQLite's lock, PostgreSQL's row lock); refusals below roll it back.
    const deleted = await tx.location.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now } });
    if (deleted.count === 0) throw notFound('Location');
    const after = await tx.location.findUniqueOrThrow({ where: { id } });
    if (after.isDefault) {
      throw new AppError('CONFLICT', 'The default location cannot be deleted: make another location the default first.');
    }
    const stock = await tx.stockLevel.aggregate({ where: { locationId: id }, _sum: { onHand: true } });
    const onHand = stock._sum.onHand ?? 0;
    if (onHand > 0) {
      throw new AppError('CONFLICT', `This location still holds ${onHand} unit${onHand === 1 ? '' : 's'} of stock: transfer the stock to another location first.`);
    }
    await recordAudit(tx, {
      actorId,
      action: 'DELETE',
      entity: 'Location',
      entityId: id,
      before: { ...presentLocation(after), deletedAt: null },
      after: presentLocation(after),
    });
    return after;
  });
}
