import { z } from 'zod';
import { movementFilterSchema } from '../list-movements';

export const formatSchema = z.enum(['json', 'csv'], { message: 'format must be json or csv' }).default('json');

export const lowStockQuerySchema = z.object({ format: formatSchema });

export const valuationQuerySchema = z.object({
  format: formatSchema,
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be a date such as 2026-01-31')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      message: 'asOf is not a real date',
    })
    .optional(),
});

export const movementsReportQuerySchema = z.intersection(z.object({ format: formatSchema }), movementFilterSchema);
