import { AppError } from '@/lib/errors';
import type { MovementType } from './movement-schemas';
import { MAX_INT32 } from './schema-parts';

/** A movement whose product and locations are known ids (the default location filled in). */
export interface ResolvedMovement {
  productId: number;
  type: MovementType;
  quantity: number;
  locationId: number;
  toLocationId: number | null;
  unitCostCents: number | null;
  reason: string | null;
  reference: string | null;
}

/** One ledger row to insert: a movement is one leg, a transfer two. */
export interface PlannedLeg {
  movementIndex: number;
  productId: number;
  locationId: number;
  type: MovementType;
  quantity: number;
  balanceAfter: number;
  unitCostCents: number | null;
  reason: string | null;
  reference: string | null;
  transferLeg: 'out' | 'in' | null;
}

export interface MovementPlan {
  legs: PlannedLeg[];
  /** Net change per stock level, keyed by levelKey(). */
  netByLevel: Map<string, { productId: number; locationId: number; delta: number; finalBalance: number }>;
  /** Net change of each product's total on-hand. */
  netByProduct: Map<number, number>;
}

export function levelKey(productId: number, locationId: number): string {
  return `${productId}:${locationId}`;
}

/**
 * Plays the movements in order against the starting balances and returns the ledger rows
 * with their balances after. Pure: the caller holds the locks and writes the result. Fails,
 * naming the movement, if any step would take a location below zero (all or none) or past
 * what an integer column holds. `fieldPrefix(i)` keys errors: "" for one movement, "3." for
 * row 3 of a batch.
 */
export function planMovements(
  movements: ResolvedMovement[],
  startingBalances: Map<string, number>,
  fieldPrefix: (index: number) => string,
): MovementPlan {
  const balances = new Map(startingBalances);
  const legs: PlannedLeg[] = [];
  const netByProduct = new Map<number, number>();

  const move = (index: number, movement: ResolvedMovement, locationId: number, delta: number, transferLeg: PlannedLeg['transferLeg']) => {
    const key = levelKey(movement.productId, locationId);
    const before = balances.get(key) ?? 0;
    const after = before + delta;
    if (after < 0) {
      throw new AppError('INSUFFICIENT_STOCK', `Only ${before} on hand at this location; cannot take ${-delta}.`, {
        available: before,
        fieldErrors: { [`${fieldPrefix(index)}quantity`]: `Only ${before} on hand` },
      });
    }
    if (after > MAX_INT32) {
      throw new AppError('VALIDATION_FAILED', 'This would put more units at the location than can be counted.', {
        fieldErrors: { [`${fieldPrefix(index)}quantity`]: 'Quantity is too large for this location' },
      });
    }
    balances.set(key, after);
    if (transferLeg === null) netByProduct.set(movement.productId, (netByProduct.get(movement.productId) ?? 0) + delta);
    else if (!netByProduct.has(movement.productId)) netByProduct.set(movement.productId, 0);
    legs.push({
      movementIndex: index,
      productId: movement.productId,
      locationId,
      type: movement.type,
      quantity: delta,
      balanceAfter: after,
      unitCostCents: movement.type === 'RECEIPT' ? movement.unitCostCents : null,
      reason: movement.reason,
      reference: movement.reference,
      transferLeg,
    });
  };

  movements.forEach((movement, index) => {
    switch (movement.type) {
      case 'RECEIPT':
        return move(index, movement, movement.locationId, movement.quantity, null);
      case 'SHIPMENT':
        return move(index, movement, movement.locationId, -movement.quantity, null);
      case 'ADJUSTMENT':
        return move(index, movement, movement.locationId, movement.quantity, null);
      case 'COUNT': {
        const current = balances.get(levelKey(movement.productId, movement.locationId)) ?? 0;
        return move(index, movement, movement.locationId, movement.quantity - current, null);
      }
      case 'TRANSFER': {
        if (movement.toLocationId === null || movement.toLocationId === movement.locationId) {
          throw new AppError('VALIDATION_FAILED', 'A transfer needs a destination that differs from its source.', {
            fieldErrors: { [`${fieldPrefix(index)}toLocationId`]: 'Destination must differ from the source location' },
          });
        }
        move(index, movement, movement.locationId, -movement.quantity, 'out');
        return move(index, movement, movement.toLocationId, movement.quantity, 'in');
      }
    }
  });

  const netByLevel: MovementPlan['netByLevel'] = new Map();
  for (const leg of legs) {
    const key = levelKey(leg.productId, leg.locationId);
    const entry = netByLevel.get(key) ?? { productId: leg.productId, locationId: leg.locationId, delta: 0, finalBalance: 0 };
    entry.delta += leg.quantity;
    entry.finalBalance = leg.balanceAfter;
    netByLevel.set(key, entry);
  }
  return { legs, netByLevel, netByProduct };
}
