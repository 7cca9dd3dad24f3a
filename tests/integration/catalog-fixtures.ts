import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { db } from '@/lib/db/client';
import { isAppError, type AppError, type ErrorCode, type FieldErrors } from '@/lib/errors';
import { createProduct } from '@/lib/inventory/create-product';
import { createProductSchema, updateProductSchema } from '@/lib/inventory/product-schemas';
import type { Product } from '@/lib/db/generated/sqlite/client';

/** Shared by the catalog-*.test.ts files: unique names, typed inputs, and AppError assertions. */

export const tag = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** Awaits work that must fail with this AppError code (and exactly these field errors, when given). */
export async function expectAppError(work: Promise<unknown>, code: ErrorCode, fieldErrors?: FieldErrors): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isAppError(error), `expected an AppError ${code}, got ${String(error)}`).toBe(true);
  const appError = error as AppError;
  expect({ code: appError.code, message: appError.message }).toMatchObject({ code, message: expect.any(String) });
  if (fieldErrors) expect(appError.details.fieldErrors).toEqual(fieldErrors);
  return appError;
}

export async function makeUser(role: 'ADMIN' | 'MANAGER' | 'CLERK' | 'VIEWER' = 'MANAGER'): Promise<number> {
  const name = tag('user');
  const user = await db().user.create({ data: { email: `${name}@test.local`, name, passwordHash: 'unused', role } });
  return user.id;
}

/** Raw input as a client sends it, parsed by the same schema the door uses. */
export function productInput(overrides: Record<string, unknown> = {}) {
  return createProductSchema.parse({ sku: tag('SKU'), name: tag('Product'), price: '9.99', ...overrides });
}

export function productPatch(patch: Record<string, unknown>) {
  return updateProductSchema.parse(patch);
}

export function newProduct(overrides: Record<string, unknown> = {}, actorId: number | null = null): Promise<Product> {
  return createProduct({ input: productInput(overrides), actorId });
}

export async function auditRows(entity: string, entityId: number) {
  return db().auditLog.findMany({ where: { entity, entityId }, orderBy: { id: 'asc' } });
}
