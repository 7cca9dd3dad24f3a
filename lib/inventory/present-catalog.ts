import { z } from 'zod';
import type { Category, Location, Supplier } from '@/lib/db/generated/sqlite/client';
import { recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';

const lifecycle = {
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable().describe('Set by a soft delete'),
};

export const categorySchema = z
  .object({ id: recordIdSchema, name: z.string(), description: z.string().nullable(), ...lifecycle })
  .meta({ id: 'Category' });

export type CategoryResponse = z.output<typeof categorySchema>;

/** Category in the API's shape (API.md, "Shapes"). */
export function presentCategory(category: Category): CategoryResponse {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
    deletedAt: category.deletedAt?.toISOString() ?? null,
  };
}

export const supplierSchema = z
  .object({
    id: recordIdSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    ...lifecycle,
  })
  .meta({ id: 'Supplier' });

export type SupplierResponse = z.output<typeof supplierSchema>;

export function presentSupplier(supplier: Supplier): SupplierResponse {
  return {
    id: supplier.id,
    name: supplier.name,
    email: supplier.email,
    phone: supplier.phone,
    notes: supplier.notes,
    createdAt: supplier.createdAt.toISOString(),
    updatedAt: supplier.updatedAt.toISOString(),
    deletedAt: supplier.deletedAt?.toISOString() ?? null,
  };
}

export const locationSchema = z
  .object({ id: recordIdSchema, code: z.string(), name: z.string(), isDefault: z.boolean(), ...lifecycle })
  .meta({ id: 'Location' });

export type LocationResponse = z.output<typeof locationSchema>;

export function presentLocation(location: Location): LocationResponse {
  return {
    id: location.id,
    code: location.code,
    name: location.name,
    isDefault: location.isDefault,
    createdAt: location.createdAt.toISOString(),
    updatedAt: location.updatedAt.toISOString(),
    deletedAt: location.deletedAt?.toISOString() ?? null,
  };
}
