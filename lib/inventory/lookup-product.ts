import { z } from 'zod';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { plainTextSchema } from '@/lib/plain-text';
import { getProduct } from './get-product';
import type { ProductDetailRecord } from './present-product';

/** `?code=`: what a scanner read or a person typed; longer than any barcode or SKU is a 400. */
export const lookupQuerySchema = z.object({
  code: plainTextSchema('line', 'code', 'code is required')
    .trim()
    .min(1, 'code is required')
    .max(200, 'code must be at most 200 characters'),
});

/**
 * The live product a scanned code names: the one whose barcode is exactly the code, else the
 * one whose SKU equals it ignoring case (a Code 128 shelf label carries the SKU). The barcode
 * wins because a GTIN is printed by the manufacturer and cannot be chosen, while a SKU can be
 * typed to look like anything. 404 when neither matches a live product.
 */
export async function lookupProduct({ code }: { code: string }): Promise<ProductDetailRecord> {
  const match =
    (await db().product.findFirst({ where: { barcode: code, deletedAt: null }, select: { id: true } })) ??
    (await db().product.findFirst({ where: { skuKey: code.toLowerCase(), deletedAt: null }, select: { id: true } }));
  if (!match) throw new AppError('NOT_FOUND', 'No product has this barcode or SKU.', { fieldErrors: { code: 'No product has this barcode or SKU' } });
  return getProduct({ id: match.id });
}
