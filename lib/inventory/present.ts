import { z } from 'zod';
import type { InventoryAlert, StockMovement } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';
import { moneyStringSchema, recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';
import { ALERT_STATUSES } from './list-alerts';
import { MOVEMENT_TYPES } from './movement-schemas';

export const movementSchema = z
  .object({
    id: recordIdSchema,
    productId: recordIdSchema,
    locationId: recordIdSchema,
    type: z.enum(MOVEMENT_TYPES),
    quantity: z.number().int().describe('Signed: negative takes stock out of the location'),
    balanceAfter: z.number().int().min(0).describe("The location's on-hand right after this row"),
    unitCost: moneyStringSchema.nullable(),
    reason: z.string().nullable(),
    reference: z.string().nullable(),
    transferId: z.string().nullable().describe('Shared by the two rows of a transfer'),
    createdBy: recordIdSchema.nullable().describe('The user who posted it'),
    createdAt: timestampSchema,
    archived: z.literal(true).optional().describe('Present on rows moved to the archive (ledger:archive); they stay immutable'),
  })
  .meta({ id: 'StockMovement', description: 'A ledger row (immutable).' });

export type MovementResponse = z.output<typeof movementSchema>;

/** A ledger row in the API's shape (API.md, "Stock movement"). */
export function presentMovement(movement: Omit<StockMovement, 'averageCostMicroCents'> & { archived?: boolean }): MovementResponse {
  return {
    id: movement.id,
    productId: movement.productId,
    locationId: movement.locationId,
    type: movement.type,
    quantity: movement.quantity,
    balanceAfter: movement.balanceAfter,
    unitCost: movement.unitCostCents === null ? null : formatCents(movement.unitCostCents),
    reason: movement.reason,
    reference: movement.reference,
    transferId: movement.transferId,
    createdBy: movement.createdById,
    createdAt: movement.createdAt.toISOString(),
    ...(movement.archived ? { archived: true as const } : {}),
  };
}

/** The answer to posting movements: the ledger rows written, and the product's new total. */
export const postedMovementsSchema = z
  .object({
    data: z.array(movementSchema),
    onHand: z.number().int().min(0).describe('Total on-hand, over all locations, of the product of the last movement'),
  })
  .meta({ id: 'PostedMovements' });

export const alertSchema = z
  .object({
    id: recordIdSchema,
    productId: recordIdSchema,
    status: z.enum(ALERT_STATUSES),
    onHandAtTrigger: z.number().int(),
    reorderLevel: z.number().int(),
    createdAt: timestampSchema,
    dismissedAt: timestampSchema.nullable(),
    resolvedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Alert', description: 'A low-stock alert: at most one unresolved per product.' });

export type AlertResponse = z.output<typeof alertSchema>;

/** GET /api/inventory-alerts/count: what the navigation badge shows. */
export const alertCountSchema = z.object({ active: z.number().int().min(0) }).meta({ id: 'AlertCount' });

export function presentAlert(alert: InventoryAlert): AlertResponse {
  return {
    id: alert.id,
    productId: alert.productId,
    status: alert.status,
    onHandAtTrigger: alert.onHandAtTrigger,
    reorderLevel: alert.reorderLevel,
    createdAt: alert.createdAt.toISOString(),
    dismissedAt: alert.dismissedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}
