import type { Product, ProductSupplier } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';

/** Product in the API's shape (API.md, "Shapes"): money as decimal strings, onHand the total over locations. */
export function presentProduct(product: Product) {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    unit: product.unit,
    price: formatCents(product.priceCents),
    cost: formatCents(product.costCents),
    reorderLevel: product.reorderLevel,
    safetyStock: product.safetyStock,
    reorderQuantity: product.reorderQuantity,
    onHand: product.onHand,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    deletedAt: product.deletedAt?.toISOString() ?? null,
  };
}

export type ProductResponse = ReturnType<typeof presentProduct>;

/** A supplier link with the supplier's name, as the product detail and PUT .../suppliers/{id} show it. */
export type ProductSupplierRecord = ProductSupplier & { supplier: { name: string } };

export function presentProductSupplier(link: ProductSupplierRecord) {
  return {
    supplierId: link.supplierId,
    name: link.supplier.name,
    leadTimeDays: link.leadTimeDays,
    unitCost: link.unitCostCents === null ? null : formatCents(link.unitCostCents),
    supplierSku: link.supplierSku,
    preferred: link.preferred,
  };
}

export type ProductSupplierResponse = ReturnType<typeof presentProductSupplier>;

/** A product with its stock per location and its supplier links (lib/inventory/get-product.ts). */
export type ProductDetailRecord = Product & {
  levels: Array<{ locationId: number; onHand: number; location: { code: string } }>;
  suppliers: ProductSupplierRecord[];
};

export function presentProductDetail(product: ProductDetailRecord) {
  return {
    ...presentProduct(product),
    levels: product.levels.map((level) => ({ locationId: level.locationId, locationCode: level.location.code, onHand: level.onHand })),
    suppliers: product.suppliers.map(presentProductSupplier),
  };
}

export type ProductDetailResponse = ReturnType<typeof presentProductDetail>;
