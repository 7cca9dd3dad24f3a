import { AppError } from '@/lib/errors';
import type { MovementType } from './movement-schemas';
import { receive } from './moving-average';
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
  /** Receipts: the given cost, else the product's cost at posting; null for other types. */
  unitCostCents: number | null;
  /** The product's moving weighted average unit cost right after this leg (micro-cents). */
  averageCostMicroCents: bigint;
  reason: string | null;
  reference: string | null;
  transferLeg: 'out' | 'in' | null;
}

/** What the planner needs of a product, read under its lock. */
export interface ProductCostState {
  onHand: number;
  costCents: number;
  averageCostMicroCents: bigint;
}

export interface MovementPlan {
  legs: PlannedLeg[];
  /** Net change per stock level, keyed by levelKey(). */
  netByLevel: Map<string, { productId: number; locationId: number; delta: number; finalBalance: number }>;
  /** Net change of each product's total on-hand. */
  netByProduct: Map<number, number>;
  /** Each product's moving average after the last leg. */
  averageByProduct: Map<number, bigint>;
}

export interface PlanMovementsOptions {
  movements: ResolvedMovement[];
  /** On-hand of every stock level involved, keyed by levelKey(). */
  levels: Map<string, number>;
  /** Every product involved. */
  products: Map<number, ProductCostState>;
  /** Keys field errors: "" for one movement, "3." for row 3 of a batch. */
  fieldPrefix: (index: number) => string;
}

export function levelKey(productId: number, locationId: number): string {
  return `${productId}:${locationId}`;
}

/**
 * Plays the movements in order against the starting balances and returns the ledger rows
 * with their balances and moving average cost after. Pure: the caller holds the locks and
 * writes the result. Fails, naming the movement, if any step would take a location below
 * zero (all or none), or a location or product total past what an integer column holds.
 */
export function planMovements({ movements, levels, products, fieldPrefix }: PlanMovementsOptions): MovementPlan {
  const balances = new Map(levels);
  const legs: PlannedLeg[] = [];
  const netByProduct = new Map<number, number>();
  const productState = new Map([...products].map(([id, state]) => [id, { ...state }]));
  const stateOf = (productId: number) => {
    const state = productState.get(productId);
    if (!state) throw new Error(`planMovements: product ${productId} was not given.`);
    return state;
  };

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
    const product = stateOf(movement.productId);
    const productDelta = transferLeg === null ? delta : 0;
    if (after > MAX_INT32 || product.onHand + productDelta > MAX_INT32) {
      throw new AppError('VALIDATION_FAILED', 'This would put more units in stock than can be counted.', {
        fieldErrors: { [`${fieldPrefix(index)}quantity`]: 'Quantity is too large for the stock held' },
      });
    }
    const unitCostCents = movement.type === 'RECEIPT' ? (movement.unitCostCents ?? product.costCents) : null;
    if (unitCostCents !== null) {
      product.averageCostMicroCents = receive(product.averageCostMicroCents, BigInt(product.onHand), BigInt(delta), BigInt(unitCostCents));
    }
    product.onHand += productDelta;
    balances.set(key, after);
    netByProduct.set(movement.productId, (netByProduct.get(movement.productId) ?? 0) + productDelta);
    legs.push({
      movementIndex: index,
      productId: movement.productId,
      locationId,
      type: movement.type,
      quantity: delta,
      balanceAfter: after,
      unitCostCents,
      averageCostMicroCents: product.averageCostMicroCents,
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
  const averageByProduct = new Map([...netByProduct.keys()].map((productId) => [productId, stateOf(productId).averageCostMicroCents]));
  return { legs, netByLevel, netByProduct, averageByProduct };
}
