import { z } from 'zod';
import { pageQuerySchema } from '@/lib/pagination';
import { queryBooleanSchema, sortCursorParamSchema } from './catalog-support';
import { optionalTextSchema, requiredTextSchema } from './schema-parts';
import { CATEGORY_LIMITS } from './field-limits';

const categoryFields = {
  name: requiredTextSchema('Name', CATEGORY_LIMITS.name),
  description: optionalTextSchema('Description', CATEGORY_LIMITS.description, 'multiline'),
};

export const createCategorySchema = z.strictObject(categoryFields);

export const updateCategorySchema = z
  .strictObject({
    name: categoryFields.name.optional(),
    description: categoryFields.description.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: 'Send at least one of name, description' });

/** `GET /api/categories`: by name, `?includeDeleted=true` shows soft-deleted ones too. */
export const categoryListQuerySchema = z.object({
  limit: pageQuerySchema.shape.limit,
  cursor: sortCursorParamSchema({ name: 'string' }),
  includeDeleted: queryBooleanSchema('includeDeleted'),
});

export type CreateCategoryInput = z.output<typeof createCategorySchema>;
export type UpdateCategoryInput = z.output<typeof updateCategorySchema>;
export type CategoryListQuery = z.output<typeof categoryListQuerySchema>;

export const CATEGORY_NAME_TAKEN = 'A category with this name already exists';
