import { z } from 'zod';
import type { Transaction } from '@/lib/db/client';
import { decodeSortCursor, type SortCursor } from '@/lib/pagination';
import { AppError, notFound, validationFailed } from '@/lib/errors';

/**
 * Small pieces shared by the catalog use cases (categories, suppliers, locations, products):
 * query-string booleans, keyset cursors for lists sorted by a column, LIKE escaping and the
 * live-category check. No use case lives here.
 */

/** `?flag=true|false` (absent means false). */
export function queryBooleanSchema(name: string) {
  return z
    .enum(['true', 'false'], { message: `${name} must be true or false` })
    .optional()
    .transform((value) => value === 'true');
}

/** `?cursor=` for a list sorted by `sort`: refuses cursors of another sort or with a value of the wrong kind. */
export function sortCursorParamSchema(sorts: Record<string, 'string' | 'number' | 'date'>) {
  return z
    .string()
    .optional()
    .transform((value, context): SortCursor | undefined => {
      if (value === undefined || value === '') return undefined;
      const cursor = decodeSortCursor(value);
      const kind = cursor ? sorts[cursor.sort] : undefined;
      const fits =
        cursor !== undefined &&
        kind !== undefined &&
        (kind === 'number' ? typeof cursor.value === 'number' : typeof cursor.value === 'string') &&
        (kind !== 'date' || !Number.isNaN(Date.parse(String(cursor.value))));
      if (!fits) {
        context.addIssue({ code: 'custom', message: 'cursor is not one this API gave out' });
        return z.NEVER;
      }
      return cursor;
    });
}

/** Escapes LIKE's wildcards so that `q` matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A product may only point at a live category: 400 naming the field otherwise. */
export async function assertCategoryLive(client: Pick<Transaction, 'category'>, categoryId: number, field = 'categoryId'): Promise<void> {
  const category = await client.category.findFirst({ where: { id: categoryId, deletedAt: null }, select: { id: true } });
  if (!category) throw validationFailed({ [field]: 'Category not found' }, 'The category does not exist or was deleted.');
}

export const SKU_EXISTS = 'SKU already exists';

export function skuConflict(fieldErrors: Record<string, string> = { sku: SKU_EXISTS }): AppError {
  return new AppError('CONFLICT', 'A product with this SKU already exists (deleted products keep their SKU).', { fieldErrors });
}

export const BARCODE_TAKEN = 'Another product already has this barcode';

export function barcodeConflict(fieldErrors: Record<string, string> = { barcode: BARCODE_TAKEN }): AppError {
  return new AppError('CONFLICT', 'Another live product already has this barcode.', { fieldErrors });
}

/**
 * A product write met a unique index: the SKU's or the live barcode's. The engines name the
 * index differently (or not at all through the driver adapters), so ask the database which:
 * another live product holding this barcode now means the barcode, anything else the SKU.
 */
export async function productUniqueConflict(client: Pick<Transaction, 'product'>, { barcode, exceptId }: { barcode: string | null | undefined; exceptId?: number }): Promise<AppError> {
  if (barcode) {
    const holder = await client.product.findFirst({ where: { barcode, deletedAt: null, ...(exceptId !== undefined ? { id: { not: exceptId } } : {}) }, select: { id: true } });
    if (holder) return barcodeConflict();
  }
  return skuConflict();
}

/**
 * Both ends of a link must be live: 404 naming which is missing. The product is the end a
 * person chooses, so its 404 carries a field error (as post-movements' does) that a form
 * shows beside the picker.
 */
export async function assertLinkEndsLive(client: Pick<Transaction, 'product' | 'supplier'>, productId: number, supplierId: number): Promise<void> {
  const [product, supplier] = await Promise.all([
    client.product.findFirst({ where: { id: productId, deletedAt: null }, select: { id: true } }),
    client.supplier.findFirst({ where: { id: supplierId, deletedAt: null }, select: { id: true } }),
  ]);
  if (!product) throw new AppError('NOT_FOUND', 'Product not found.', { fieldErrors: { productId: 'This product does not exist or was deleted' } });
  if (!supplier) throw notFound('Supplier');
}
