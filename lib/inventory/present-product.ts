import { z } from 'zod';
import type { Product, ProductSupplier } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';
import { moneyStringSchema, recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';

export const productSchema = z
  .object({
    id: recordIdSchema,
    sku: z.string(),
    barcode: z.string().nullable().describe('GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) or in-house code; unique among live products'),
    name: z.string(),
    description: z.string().nullable(),
    categoryId: recordIdSchema.nullable(),
    unit: z.string(),
    price: moneyStringSchema,
    cost: moneyStringSchema,
    reorderLevel: z.number().int().min(0),
    safetyStock: z.number().int().min(0),
    reorderQuantity: z.number().int().min(0),
    onHand: z.number().int().min(0).describe('Total over all locations'),
    onOrder: z.number().int().min(0).describe('Units on ORDERED and PARTIALLY_RECEIVED purchase orders, not yet received'),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletedAt: timestampSchema.nullable().describe('Set by a soft delete'),
  })
  .meta({ id: 'Product' });

export type ProductResponse = z.output<typeof productSchema>;

/** Product in the API's shape (API.md, "Shapes"): money as decimal strings, onHand the total over locations. */
export function presentProduct(product: Product): ProductResponse {
  return {
    id: product.id,
    sku: product.sku,
    barcode: product.barcode,
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
    onOrder: product.onOrder,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    deletedAt: product.deletedAt?.toISOString() ?? null,
  };
}

/** A supplier link with the supplier's name, as the product detail and PUT .../suppliers/{id} show it. */
export type ProductSupplierRecord = ProductSupplier & { supplier: { name: string } };

export const productSupplierSchema = z
  .object({
    supplierId: recordIdSchema,
    name: z.string().describe("The supplier's name"),
    leadTimeDays: z.number().int().min(0),
    unitCost: moneyStringSchema.nullable(),
    supplierSku: z.string().nullable(),
    preferred: z.boolean(),
  })
  .meta({ id: 'ProductSupplier', description: 'A supplier linked to a product.' });

export type ProductSupplierResponse = z.output<typeof productSupplierSchema>;

/** The answer to PUT /api/products/{id}/suppliers/{supplierId}: the link and whose it is. */
export const linkedSupplierSchema = productSupplierSchema.extend({ productId: recordIdSchema }).meta({ id: 'ProductSupplierLink' });

export function presentProductSupplier(link: ProductSupplierRecord): ProductSupplierResponse {
  return {
    supplierId: link.supplierId,
    name: link.supplier.name,
    leadTimeDays: link.leadTimeDays,
    unitCost: link.unitCostCents === null ? null : formatCents(link.unitCostCents),
    supplierSku: link.supplierSku,
    preferred: link.preferred,
  };
}

/** A product with its stock per location and its supplier links (lib/inventory/get-product.ts). */
export type ProductDetailRecord = Product & {
  levels: Array<{ locationId: number; onHand: number; location: { code: string } }>;
  suppliers: ProductSupplierRecord[];
};

export const productDetailSchema = productSchema
  .extend({
    levels: z.array(z.object({ locationId: recordIdSchema, locationCode: z.string(), onHand: z.number().int().min(0) })),
    suppliers: z.array(productSupplierSchema),
  })
  .meta({ id: 'ProductDetail', description: 'A product with its stock per location and its suppliers.' });

export type ProductDetailResponse = z.output<typeof productDetailSchema>;

export function presentProductDetail(product: ProductDetailRecord): ProductDetailResponse {
  return {
    ...presentProduct(product),
    levels: product.levels.map((level) => ({ locationId: level.locationId, locationCode: level.location.code, onHand: level.onHand })),
    suppliers: product.suppliers.map(presentProductSupplier),
  };
}
