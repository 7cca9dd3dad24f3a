import type { Transaction } from '@/lib/db/client';
import { AppError, type FieldErrors } from '@/lib/errors';

/**
 * Deleting a product that still holds stock would strand those units: no movement can touch a
 * deleted product, its locations could never be deleted, and the valuation would keep units
 * the dashboard no longer shows. So a delete refuses while any level is above zero.
 *
 * Called inside the delete's transaction after its first write (the product row's update),
 * which takes the row lock every posting takes first (lib/inventory/post-movements.ts), so a
 * receipt that committed before it is seen here, and one that commits after it finds the product
 * deleted (the posting re-checks under that lock) and is refused.
 */

export interface StockHeld {
  productId: number;
  sku: string;
  units: number;
  /** Location codes with what each holds, largest first. */
  at: Array<{ code: string; onHand: number }>;
}

export async function findStockHeld(tx: Transaction, productIds: number[]): Promise<StockHeld[]> {
  const levels = await tx.stockLevel.findMany({
    where: { productId: { in: productIds }, onHand: { gt: 0 } },
    select: { productId: true, onHand: true, product: { select: { sku: true } }, location: { select: { code: true } } },
    orderBy: [{ productId: 'asc' }, { onHand: 'desc' }, { locationId: 'asc' }],
  });
  const byProduct = new Map<number, StockHeld>();
  for (const level of levels) {
    const held = byProduct.get(level.productId) ?? { productId: level.productId, sku: level.product.sku, units: 0, at: [] };
    held.units += level.onHand;
    held.at.push({ code: level.location.code, onHand: level.onHand });
    byProduct.set(level.productId, held);
  }
  return [...byProduct.values()];
}

const WAY_OUT = 'ship, adjust or count them to zero first';

/** "1 unit", "1,250 units" (with `noun`), or the bare grouped number. */
function formatUnits(count: number, noun = false): string {
  const number = count.toLocaleString('en-US');
  return noun ? `${number} ${count === 1 ? 'unit' : 'units'}` : number;
}

function where(held: StockHeld): string {
  return held.at.map((level) => `${formatUnits(level.onHand)} at ${level.code}`).join(', ');
}

/** 409 for one product: "SKU-1 still holds 12 units (8 at MAIN, 4 at BACK): ship, adjust or count them to zero first." */
export function stockHeldConflict(held: StockHeld): AppError {
  return new AppError('CONFLICT', `${held.sku} still holds ${formatUnits(held.units, true)} (${where(held)}): ${WAY_OUT}.`);
}

/** 409 for a bulk delete, naming every product that holds stock; field errors keyed by position in `ids`. */
export function stockHeldBulkConflict(held: StockHeld[], ids: number[]): AppError {
  const fieldErrors: FieldErrors = {};
  for (const product of held) fieldErrors[`ids.${ids.indexOf(product.productId)}`] = `Still holds ${formatUnits(product.units, true)}`;
  const list = held.map((product) => `${product.sku} (${formatUnits(product.units, true)}: ${where(product)})`).join('; ');
  const subject = held.length === 1 ? '1 product still holds stock' : `${held.length} products still hold stock`;
  return new AppError('CONFLICT', `${subject}: ${list}. Nothing was deleted: ${WAY_OUT}.`, { fieldErrors });
}
