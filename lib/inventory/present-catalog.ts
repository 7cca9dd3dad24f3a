import type { Category, Location, Supplier } from '@/lib/db/generated/sqlite/client';

/** Category in the API's shape (API.md, "Shapes"). */
export function presentCategory(category: Category) {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
    deletedAt: category.deletedAt?.toISOString() ?? null,
  };
}

export type CategoryResponse = ReturnType<typeof presentCategory>;

export function presentSupplier(supplier: Supplier) {
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

export type SupplierResponse = ReturnType<typeof presentSupplier>;

export function presentLocation(location: Location) {
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

export type LocationResponse = ReturnType<typeof presentLocation>;
