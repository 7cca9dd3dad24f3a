import { db } from '@/lib/db/client';

export interface DashboardSummary {
  productCount: number;
  unitsOnHand: number;
  /** On-hand units at each product's standard cost, in cents (the ledger valuation is in Reports). */
  stockValueCents: bigint;
  activeAlertCount: number;
  lowStock: Array<{ productId: number; sku: string; name: string; onHand: number; reorderLevel: number; since: Date }>;
  recentMovements: Array<{
    id: number;
    productId: number;
    sku: string;
    productName: string;
    locationCode: string;
    type: string;
    quantity: number;
    createdAt: Date;
    createdBy: string | null;
  }>;
}

/** The figures on the dashboard, in four small queries. */
export async function getDashboardSummary(): Promise<DashboardSummary> {
  const client = db();
  const [totals, activeAlertCount, activeAlerts, movements] = await Promise.all([
    client.$queryRaw<Array<{ products: number | bigint; units: number | bigint | null; value: number | bigint | string | null }>>`
      SELECT COUNT(*) AS "products", SUM("on_hand") AS "units", SUM(CAST("on_hand" AS BIGINT) * "cost_cents") AS "value"
        FROM "products" WHERE "deleted_at" IS NULL`,
    client.inventoryAlert.count({ where: { status: 'ACTIVE' } }),
    client.inventoryAlert.findMany({
      where: { status: 'ACTIVE' },
      orderBy: { createdAt: 'desc' },
      take: 8,
      include: { product: { select: { sku: true, name: true, onHand: true, reorderLevel: true } } },
    }),
    client.stockMovement.findMany({
      orderBy: { id: 'desc' },
      take: 8,
      include: { product: { select: { sku: true, name: true } }, location: { select: { code: true } }, createdBy: { select: { name: true } } },
    }),
  ]);
  const row = totals[0];
  return {
    productCount: Number(row?.products ?? 0),
    unitsOnHand: Number(row?.units ?? 0),
    stockValueCents: BigInt(String(row?.value ?? 0)),
    activeAlertCount,
    lowStock: activeAlerts.map((alert) => ({
      productId: alert.productId,
      sku: alert.product.sku,
      name: alert.product.name,
      onHand: alert.product.onHand,
      reorderLevel: alert.product.reorderLevel,
      since: alert.createdAt,
    })),
    recentMovements: movements.map((movement) => ({
      id: movement.id,
      productId: movement.productId,
      sku: movement.product.sku,
      productName: movement.product.name,
      locationCode: movement.location.code,
      type: movement.type,
      quantity: movement.quantity,
      createdAt: movement.createdAt,
      createdBy: movement.createdBy?.name ?? null,
    })),
  };
}
