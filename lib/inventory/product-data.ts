import type { CreateProductInput, UpdateProductInput } from './product-schemas';

/**
 * Validated product input as database columns: money in cents (the schemas already parsed
 * it), the lower-cased skuKey beside the SKU. Never onHand: that total belongs to the ledger.
 */
export function productCreateData(input: CreateProductInput) {
  return {
    sku: input.sku,
    skuKey: input.sku.toLowerCase(),
    name: input.name,
    description: input.description,
    categoryId: input.categoryId,
    unit: input.unit,
    priceCents: input.price,
    costCents: input.cost,
    reorderLevel: input.reorderLevel,
    safetyStock: input.safetyStock,
    reorderQuantity: input.reorderQuantity,
    barcode: input.barcode,
  };
}

export function productUpdateData(input: UpdateProductInput) {
  return {
    ...(input.sku !== undefined ? { sku: input.sku, skuKey: input.sku.toLowerCase() } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
    ...(input.price !== undefined ? { priceCents: input.price } : {}),
    ...(input.cost !== undefined ? { costCents: input.cost } : {}),
    ...(input.reorderLevel !== undefined ? { reorderLevel: input.reorderLevel } : {}),
    ...(input.safetyStock !== undefined ? { safetyStock: input.safetyStock } : {}),
    ...(input.reorderQuantity !== undefined ? { reorderQuantity: input.reorderQuantity } : {}),
    ...(input.barcode !== undefined ? { barcode: input.barcode } : {}),
  };
}
