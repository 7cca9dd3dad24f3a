import { db } from '@/lib/db/client';
import { getStockValuationTotals } from './reports/get-stock-valuation';

export interface DashboardSummary {
  productCount: number;
  unitsOnHand: number;
  /** On-hand units at the ledger's moving average cost: the valuation report's total. */
  stockValue: string;
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

/** The figures on the dashboard, in five small queries. */
export async function getDashboardSummary(): Promise<DashboardSummary> {
  const client = db();
  const [totals, valuation, activeAlertCount, activeAlerts, movements] = await Promise.all([
    client.$queryRaw<Array<{ products: number | bigint; units: number | bigint | null }>>`
      SELECT COUNT(*) AS "products", SUM("on_hand") AS "units" FROM "products" WHERE "deleted_at" IS NULL`,
    getStockValuationTotals(),
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
    stockValue: valuation.totalValue,
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
