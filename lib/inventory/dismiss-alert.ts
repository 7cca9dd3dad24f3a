import { recordAudit } from '@/lib/audit';
import type { InventoryAlert } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';

/**
 * Acknowledges an active alert: it stays quiet (DISMISSED) until stock recovers and it
 * resolves. Records who dismissed it, in the alert and in the audit trail, in the same
 * transaction. Dismissing a dismissed alert is a no-op (nothing recorded); a resolved one
 * cannot be dismissed.
 */
export async function dismissAlert({ id, actorId }: { id: number; actorId: number | null }): Promise<InventoryAlert> {
  return writeTransaction(async (tx) => {
    // The write comes first (SQLite: a transaction that reads first cannot upgrade safely).
    const dismissedAt = new Date();
    const { count } = await tx.inventoryAlert.updateMany({
      where: { id, status: 'ACTIVE' },
      data: { status: 'DISMISSED', dismissedAt, dismissedById: actorId },
    });
    const alert = await tx.inventoryAlert.findUnique({ where: { id } });
    if (!alert) throw notFound('Alert');
    if (count === 0) {
      if (alert.status === 'RESOLVED') throw new AppError('CONFLICT', 'This alert is already resolved.');
      return alert;
    }
    await recordAudit(tx, {
      actorId,
      action: 'UPDATE',
      entity: 'Alert',
      entityId: id,
      before: { status: 'ACTIVE', dismissedAt: null, dismissedById: null },
      after: { status: 'DISMISSED', dismissedAt: dismissedAt.toISOString(), dismissedById: actorId },
    });
    return alert;
  });
}
