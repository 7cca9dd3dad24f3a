import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page } from '@/lib/pagination';
import type { AlertStatus } from './list-alerts';

const withProduct = {
  product: { select: { id: true, sku: true, name: true, onHand: true, reorderLevel: true, deletedAt: true } },
} satisfies Prisma.InventoryAlertInclude;

/** An alert with the product it is about (its current on-hand too), as the alerts page shows it. */
export type AlertEntry = Prisma.InventoryAlertGetPayload<{ include: typeof withProduct }>;

/** Alerts of one status, newest first: listAlerts (GET /api/inventory-alerts) with the product named. */
export async function listAlertEntries({ status, limit, cursor }: { status: AlertStatus; limit: number; cursor?: number }): Promise<Page<AlertEntry>> {
  const rows = await db().inventoryAlert.findMany({
    where: { status, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: withProduct,
  });
  return toPage(rows, limit);
}
