import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { InventoryAlert } from '@/lib/db/generated/sqlite/client';
import { pageQuerySchema, toPage, type Page } from '@/lib/pagination';

export const ALERT_STATUSES = ['ACTIVE', 'DISMISSED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const alertListQuerySchema = z.intersection(
  pageQuerySchema,
  z.object({
    status: z.enum(ALERT_STATUSES, { message: `status must be one of ${ALERT_STATUSES.join(', ')}` }).default('ACTIVE'),
  }),
);

/** Alerts of one status, newest first; only one product's when `productId` is given. */
export async function listAlerts({
  status,
  limit,
  cursor,
  productId,
}: {
  status: AlertStatus;
  limit: number;
  cursor?: number;
  productId?: number;
}): Promise<Page<InventoryAlert>> {
  const rows = await db().inventoryAlert.findMany({
    where: { status, ...(productId === undefined ? {} : { productId }), ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return toPage(rows, limit);
}
