import { db } from '@/lib/db/client';
import type { InventoryAlert } from '@/lib/db/generated/sqlite/client';
import { AppError, notFound } from '@/lib/errors';

/**
 * Acknowledges an active alert: it stays quiet (DISMISSED) until stock recovers and it
 * resolves. Dismissing a dismissed alert is a no-op; a resolved one cannot be dismissed.
 */
export async function dismissAlert({ id }: { id: number }): Promise<InventoryAlert> {
  const { count } = await db().inventoryAlert.updateMany({
    where: { id, status: 'ACTIVE' },
    data: { status: 'DISMISSED', dismissedAt: new Date() },
  });
  const alert = await db().inventoryAlert.findUnique({ where: { id } });
  if (!alert) throw notFound('Alert');
  if (count === 0 && alert.status === 'RESOLVED') {
    throw new AppError('CONFLICT', 'This alert is already resolved.');
  }
  return alert;
}
