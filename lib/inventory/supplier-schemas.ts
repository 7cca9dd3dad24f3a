import { z } from 'zod';
import { pageQuerySchema } from '@/lib/pagination';
import { queryBooleanSchema, sortCursorParamSchema } from './catalog-support';
import { optionalTextSchema, requiredTextSchema } from './schema-parts';
import { SUPPLIER_LIMITS } from './field-limits';

/** An email that may be absent: trimmed, empty means absent (null), otherwise a valid address. */
const optionalEmailSchema = z
  .string({ message: 'Email must be text' })
  .trim()
  .max(SUPPLIER_LIMITS.email, 'Email is too long')
  .nullish()
  .transform((value) => (value ? value : null))
  .pipe(z.email('Enter a valid email address').nullable());

const supplierFields = {
  name: requiredTextSchema('Name', SUPPLIER_LIMITS.name),
  email: optionalEmailSchema,
  phone: optionalTextSchema('Phone', SUPPLIER_LIMITS.phone),
  notes: optionalTextSchema('Notes', SUPPLIER_LIMITS.notes, 'multiline'),
};

export const createSupplierSchema = z.strictObject(supplierFields);

export const updateSupplierSchema = z
  .strictObject({
    name: supplierFields.name.optional(),
    email: supplierFields.email.optional(),
    phone: supplierFields.phone.optional(),
    notes: supplierFields.notes.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: 'Send at least one of name, email, phone, notes' });

/** `GET /api/suppliers`: by name, `?includeDeleted=true` shows soft-deleted ones too. */
export const supplierListQuerySchema = z.object({
  limit: pageQuerySchema.shape.limit,
  cursor: sortCursorParamSchema({ name: 'string' }),
  includeDeleted: queryBooleanSchema('includeDeleted'),
});

export type CreateSupplierInput = z.output<typeof createSupplierSchema>;
export type UpdateSupplierInput = z.output<typeof updateSupplierSchema>;
export type SupplierListQuery = z.output<typeof supplierListQuerySchema>;

export const SUPPLIER_NAME_TAKEN = 'A supplier with this name already exists';
