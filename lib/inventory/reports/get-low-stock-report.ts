import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';

export interface LowStockRow {
  productId: number;
  sku: string;
  name: string;
  onHand: number;
  reorderLevel: number;
  safetyStock: number;
  reorderQuantity: number;
  /** The larger of the reorder quantity and what brings on-hand back to the reorder level, less what is already on order. */
  suggestedOrderQuantity: number;
  preferredSupplierId: number | null;
  preferredSupplierName: string | null;
  leadTimeDays: number | null;
  supplierUnitCost: string | null;
}

export function suggestedOrderQuantity({ onHand, onOrder, reorderLevel, reorderQuantity }: { onHand: number; onOrder: number; reorderLevel: number; reorderQuantity: number }): number {
  return Math.max(0, Math.max(reorderQuantity, reorderLevel - onHand) - onOrder);
}

/**
 * Live products below their reorder level, most urgent first (furthest below their level,
 * then SKU), with the preferred supplier (or, failing one, the quickest) and a suggested order.
 * The order and `limit` are applied in SQL, so a page asking for the top rows reads only those.
 */
export async function getLowStockReport({ limit }: { limit?: number } = {}): Promise<LowStockRow[]> {
  const client = db();
  // isLowStock (lib/inventory/is-low-stock.ts), in SQL.
  const ids = await client.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT "id" FROM "products" WHERE "deleted_at" IS NULL AND "on_hand" < "reorder_level"
     ORDER BY "on_hand" - "reorder_level", "sku_key", "id"
     ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  if (ids.length === 0) return [];
  const order = ids.map((row) => Number(row.id));
  const products = await client.product.findMany({
    where: { id: { in: order } },
    include: { suppliers: { include: { supplier: { select: { name: true, deletedAt: true } } } } },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  return order.map((id): LowStockRow => {
    const product = byId.get(id)!;
    const links = product.suppliers
      .filter((link) => link.supplier.deletedAt === null)
      .sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.leadTimeDays - b.leadTimeDays);
    const supplier = links[0];
    return {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      onHand: product.onHand,
      reorderLevel: product.reorderLevel,
      safetyStock: product.safetyStock,
      reorderQuantity: product.reorderQuantity,
      suggestedOrderQuantity: suggestedOrderQuantity(product),
      preferredSupplierId: supplier?.supplierId ?? null,
      preferredSupplierName: supplier?.supplier.name ?? null,
      leadTimeDays: supplier?.leadTimeDays ?? null,
      supplierUnitCost: supplier?.unitCostCents == null ? null : formatCents(supplier.unitCostCents),
    };
  });
}
