import { db } from '@/lib/db/client';

export async function countActiveAlerts(): Promise<number> {
  return db().inventoryAlert.count({ where: { status: 'ACTIVE' } });
}
