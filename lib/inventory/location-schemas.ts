import { z } from 'zod';
import { pageQuerySchema } from '@/lib/pagination';
import { queryBooleanSchema, sortCursorParamSchema } from './catalog-support';
import { requiredTextSchema } from './schema-parts';
import { LOCATION_LIMITS } from './field-limits';

export const locationCodeSchema = z
  .string({ message: 'Code is required' })
  .trim()
  .min(1, 'Code is required')
  .max(LOCATION_LIMITS.code, `Code must be at most ${LOCATION_LIMITS.code} characters`)
  .regex(/^[A-Za-z0-9._-]+$/, 'Code may use letters, digits, dot, dash and underscore only');

const locationFields = {
  code: locationCodeSchema,
  name: requiredTextSchema('Name', LOCATION_LIMITS.name),
  isDefault: z.boolean({ message: 'isDefault must be true or false' }),
};

export const createLocationSchema = z.strictObject({ ...locationFields, isDefault: locationFields.isDefault.default(false) });

export const updateLocationSchema = z
  .strictObject({
    code: locationFields.code.optional(),
    name: locationFields.name.optional(),
    isDefault: locationFields.isDefault.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: 'Send at least one of code, name, isDefault' });

/** `GET /api/locations`: by code, `?includeDeleted=true` shows soft-deleted ones too. */
export const locationListQuerySchema = z.object({
  limit: pageQuerySchema.shape.limit,
  cursor: sortCursorParamSchema({ code: 'string' }),
  includeDeleted: queryBooleanSchema('includeDeleted'),
});

export type CreateLocationInput = z.output<typeof createLocationSchema>;
export type UpdateLocationInput = z.output<typeof updateLocationSchema>;
export type LocationListQuery = z.output<typeof locationListQuerySchema>;
