import { z } from 'zod';
import { idSchema, MAX_INT32, moneySchema, optionalTextSchema, requiredTextSchema } from './schema-parts';

export const skuSchema = z
  .string({ message: 'SKU is required' })
  .trim()
  .min(1, 'SKU is required')
  .max(64, 'SKU must be at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'SKU may use letters, digits, dot, dash and underscore only');

const stockLevelNumber = (label: string) =>
  z
    .number({ message: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be 0 or more`)
    .max(MAX_INT32, `${label} is too large`);

const productFields = {
  sku: skuSchema,
  name: requiredTextSchema('Name', 200),
  description: optionalTextSchema('Description', 2000),
  categoryId: idSchema.nullish().transform((value) => value ?? null),
  unit: z
    .string({ message: 'Unit must be text' })
    .trim()
    .min(1, 'Unit is required')
    .max(20, 'Unit must be at most 20 characters'),
  price: moneySchema({ min: 'positive', label: 'Price' }),
  cost: moneySchema({ min: 'nonNegative', label: 'Cost' }),
  reorderLevel: stockLevelNumber('Reorder level'),
  safetyStock: stockLevelNumber('Safety stock'),
  reorderQuantity: stockLevelNumber('Reorder quantity'),
};

const REORDER_BELOW_SAFETY = 'Reorder level must be at least the safety stock';

export const createProductSchema = z
  .strictObject({
    ...productFields,
    unit: productFields.unit.default('each'),
    cost: productFields.cost.default(0),
    reorderLevel: productFields.reorderLevel.default(0),
    safetyStock: productFields.safetyStock.default(0),
    reorderQuantity: productFields.reorderQuantity.default(0),
  })
  .refine((input) => input.reorderLevel >= input.safetyStock, { path: ['reorderLevel'], message: REORDER_BELOW_SAFETY });

/** A partial update; the reorder rule is checked again against the stored values in the transaction. */
export const updateProductSchema = z
  .strictObject({
    sku: productFields.sku.optional(),
    name: productFields.name.optional(),
    description: productFields.description.optional(),
    categoryId: idSchema.nullable().optional(),
    unit: productFields.unit.optional(),
    price: productFields.price.optional(),
    cost: productFields.cost.optional(),
    reorderLevel: productFields.reorderLevel.optional(),
    safetyStock: productFields.safetyStock.optional(),
    reorderQuantity: productFields.reorderQuantity.optional(),
  })
  .refine((input) => input.reorderLevel === undefined || input.safetyStock === undefined || input.reorderLevel >= input.safetyStock, {
    path: ['reorderLevel'],
    message: REORDER_BELOW_SAFETY,
  });

export type CreateProductInput = z.output<typeof createProductSchema>;
export type UpdateProductInput = z.output<typeof updateProductSchema>;

export { REORDER_BELOW_SAFETY };
