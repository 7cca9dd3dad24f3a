import { z } from 'zod';
import { plainTextSchema } from '@/lib/plain-text';
import { idSchema, MAX_INT32, moneySchema, optionalTextSchema, requiredTextSchema } from './schema-parts';
import { optionalBarcodeSchema } from './barcode';
import { PRODUCT_DEFAULTS, PRODUCT_LIMITS } from './field-limits';

export const skuSchema = z
  .string({ message: 'SKU is required' })
  .trim()
  .min(1, 'SKU is required')
  .max(PRODUCT_LIMITS.sku, `SKU must be at most ${PRODUCT_LIMITS.sku} characters`)
  .regex(/^[A-Za-z0-9._-]+$/, 'SKU may use letters, digits, dot, dash and underscore only');

const stockLevelNumber = (label: string) =>
  z
    .number({ message: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be 0 or more`)
    .max(MAX_INT32, `${label} is too large`);

const productFields = {
  sku: skuSchema,
  name: requiredTextSchema('Name', PRODUCT_LIMITS.name),
  description: optionalTextSchema('Description', PRODUCT_LIMITS.description, 'multiline'),
  categoryId: idSchema.nullish().transform((value) => value ?? null),
  unit: plainTextSchema('line', 'Unit')
    .trim()
    .min(1, 'Unit is required')
    .max(PRODUCT_LIMITS.unit, `Unit must be at most ${PRODUCT_LIMITS.unit} characters`),
  price: moneySchema({ min: 'positive', label: 'Price' }),
  cost: moneySchema({ min: 'nonNegative', label: 'Cost' }),
  reorderLevel: stockLevelNumber('Reorder level'),
  safetyStock: stockLevelNumber('Safety stock'),
  reorderQuantity: stockLevelNumber('Reorder quantity'),
  barcode: optionalBarcodeSchema,
};

const REORDER_BELOW_SAFETY = 'Reorder level must be at least the safety stock';

export const createProductSchema = z
  .strictObject({
    ...productFields,
    unit: productFields.unit.default(PRODUCT_DEFAULTS.unit),
    cost: productFields.cost.default(PRODUCT_DEFAULTS.cost),
    reorderLevel: productFields.reorderLevel.default(PRODUCT_DEFAULTS.reorderLevel),
    safetyStock: productFields.safetyStock.default(PRODUCT_DEFAULTS.safetyStock),
    reorderQuantity: productFields.reorderQuantity.default(PRODUCT_DEFAULTS.reorderQuantity),
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
    barcode: productFields.barcode.optional(),
  })
  .refine((input) => input.reorderLevel === undefined || input.safetyStock === undefined || input.reorderLevel >= input.safetyStock, {
    path: ['reorderLevel'],
    message: REORDER_BELOW_SAFETY,
  });

export type CreateProductInput = z.output<typeof createProductSchema>;
export type UpdateProductInput = z.output<typeof updateProductSchema>;

export { REORDER_BELOW_SAFETY };
