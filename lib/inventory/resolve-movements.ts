import { db } from '@/lib/db/client';
import { AppError, type FieldErrors } from '@/lib/errors';
import type { MovementInput } from './movement-schemas';
import type { ResolvedMovement } from './plan-movements';

/**
 * Turns SKUs into product ids and fills in the default location, refusing unknown or deleted
 * products and locations (404, with every offending field named). These reads happen before
 * the write transaction; the transaction checks again that nothing was deleted meanwhile.
 */
export async function resolveMovements(
  movements: MovementInput[],
  fieldPrefix: (index: number) => string,
): Promise<ResolvedMovement[]> {
  const productIds = [...new Set(movements.flatMap((movement) => (movement.productId === undefined ? [] : [movement.productId])))];
  const skuKeys = [...new Set(movements.flatMap((movement) => (movement.sku === undefined ? [] : [movement.sku.toLowerCase()])))];
  const locationIds = [...new Set(movements.flatMap((movement) => [movement.locationId, movement.toLocationId]).filter((id) => id !== undefined))];
  const needsDefault = movements.some((movement) => movement.locationId === undefined);

  const [productsById, productsBySku, locations, defaultLocation] = await Promise.all([
    productIds.length ? db().product.findMany({ where: { id: { in: productIds }, deletedAt: null }, select: { id: true } }) : [],
    skuKeys.length ? db().product.findMany({ where: { skuKey: { in: skuKeys }, deletedAt: null }, select: { id: true, skuKey: true } }) : [],
    locationIds.length ? db().location.findMany({ where: { id: { in: locationIds }, deletedAt: null }, select: { id: true } }) : [],
    needsDefault ? db().location.findFirst({ where: { isDefault: true, deletedAt: null }, select: { id: true } }) : null,
  ]);
  const knownProductIds = new Set(productsById.map((product) => product.id));
  const productIdBySku = new Map(productsBySku.map((product) => [product.skuKey, product.id]));
  const liveLocationIds = new Set(locations.map((location) => location.id));

  const fieldErrors: FieldErrors = {};
  const resolved = movements.map((movement, index): ResolvedMovement => {
    const prefix = fieldPrefix(index);
    let productId = movement.productId;
    if (productId !== undefined && !knownProductIds.has(productId)) fieldErrors[`${prefix}productId`] = 'Product not found';
    if (movement.sku !== undefined) {
      productId = productIdBySku.get(movement.sku.toLowerCase());
      if (productId === undefined) fieldErrors[`${prefix}sku`] = 'No product with this SKU';
    }
    const locationId = movement.locationId ?? defaultLocation?.id;
    if (locationId === undefined) fieldErrors[`${prefix}locationId`] = 'There is no default location: name one';
    else if (movement.locationId !== undefined && !liveLocationIds.has(locationId)) fieldErrors[`${prefix}locationId`] = 'Location not found';
    if (movement.toLocationId !== undefined && !liveLocationIds.has(movement.toLocationId)) {
      fieldErrors[`${prefix}toLocationId`] = 'Location not found';
    }
    return {
      productId: productId ?? 0,
      type: movement.type,
      quantity: movement.quantity,
      locationId: locationId ?? 0,
      toLocationId: movement.toLocationId ?? null,
      unitCostCents: movement.unitCost ?? null,
      reason: movement.reason,
      reference: movement.reference,
    };
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError('NOT_FOUND', 'A product or location in the request does not exist.', { fieldErrors });
  }
  return resolved;
}
