import { z } from 'zod';
import { moneyStringSchema, recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';
import { movementSchema } from '../present';

/**
 * The JSON answers of the report endpoints. The reports build their rows themselves (no
 * presenter); tests/unit/openapi.test.ts holds these schemas' types equal to the row types
 * the reports return, and the HTTP contract tests check real answers against them.
 */

export const lowStockRowSchema = z
  .object({
    productId: recordIdSchema,
    sku: z.string(),
    name: z.string(),
    onHand: z.number().int(),
    reorderLevel: z.number().int(),
    safetyStock: z.number().int(),
    reorderQuantity: z.number().int(),
    suggestedOrderQuantity: z.number().int().describe('The larger of the reorder quantity and what brings on-hand back to the reorder level, less the units already on order (never below 0)'),
    preferredSupplierId: recordIdSchema.nullable(),
    preferredSupplierName: z.string().nullable(),
    leadTimeDays: z.number().int().nullable(),
    supplierUnitCost: moneyStringSchema.nullable(),
  })
  .meta({ id: 'LowStockRow' });

export const lowStockReportSchema = z
  .object({ data: z.array(lowStockRowSchema), generatedAt: timestampSchema })
  .meta({ id: 'LowStockReport', description: 'Live products below their reorder level, most urgent first.' });

export const valuationRowSchema = z
  .object({
    productId: recordIdSchema,
    sku: z.string(),
    name: z.string(),
    locationId: recordIdSchema,
    locationCode: z.string(),
    quantity: z.number().int(),
    unitCost: z.string().regex(/^-?\d+\.\d{4}$/).describe('Moving weighted average unit cost, four decimals'),
    value: moneyStringSchema,
  })
  .meta({ id: 'ValuationRow' });

export const stockValuationReportSchema = z
  .object({
    asOf: z.union([z.iso.date(), z.iso.datetime()]).describe('The day asked for, or the instant of a valuation as of now'),
    data: z.array(valuationRowSchema),
    totalQuantity: z.number().int(),
    totalValue: moneyStringSchema,
  })
  .meta({ id: 'StockValuationReport', description: 'Quantity and value per product and location, from the ledger.' });

export const movementExportRowSchema = movementSchema
  .extend({ sku: z.string(), locationCode: z.string() })
  .meta({ id: 'MovementExportRow', description: 'A ledger row with its SKU and location code.' });

export const movementsReportSchema = z
  .object({ data: z.array(movementExportRowSchema) })
  .meta({ id: 'MovementsReport', description: 'The ledger as a file, streamed.' });
