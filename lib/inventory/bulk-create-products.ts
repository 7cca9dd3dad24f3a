import { z } from 'zod';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Product } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, type FieldErrors } from '@/lib/errors';
import { BARCODE_TAKEN, barcodeConflict, SKU_EXISTS, skuConflict } from './catalog-support';
import { productCreateData } from './product-data';
import { createProductSchema, type CreateProductInput } from './product-schemas';
import { presentProduct } from './present-product';
import { reconcileAlerts } from './reconcile-alert';

export const MAX_BULK_PRODUCTS = 1000;

/**
 * The body of `POST /api/products/bulk` as a door reads it: only the envelope. Each product is
 * validated by bulkCreateProducts, so that its errors are keyed by row ("3.sku") and a batch
 * over the limit is a 413 before any row is looked at.
 */
export const bulkProductsEnvelopeSchema = z.strictObject({
  products: z.array(z.unknown(), { message: 'products must be a list' }).min(1, 'Send at least one product'),
});

/** The same body fully typed, for documentation (OpenAPI). */
export const bulkCreateProductsSchema = z.strictObject({
  products: z.array(createProductSchema).min(1).max(MAX_BULK_PRODUCTS),
});

const DUPLICATE_IN_BATCH = 'Duplicate SKU in this batch';
const DUPLICATE_BARCODE_IN_BATCH = 'Duplicate barcode in this batch';

/**
 * Creates up to 1000 products, all or none, in one transaction. Every problem of every row is
 * reported at once, keyed by row: "3.sku", "7.price". Rules as for one product: the SKU unique
 * ignoring case among all products (deleted included) and within the batch, the barcode
 * unique among live products and within the batch, the category live. Answers 400 when any row breaks a rule, 409 when the only problems are duplicate
 * SKUs or barcodes, 413 over 1000 rows. Returns the products in the order sent.
 */
export async function bulkCreateProducts({ products, actorId }: { products: unknown[]; actorId: number | null }): Promise<Product[]> {
  if (products.length > MAX_BULK_PRODUCTS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_BULK_PRODUCTS} products per batch; this one has ${products.length}.`);
  }
  if (products.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Send at least one product.', { fieldErrors: { products: 'Send at least one product' } });
  }

  const fieldErrors: FieldErrors = {};
  const inputs: Array<CreateProductInput | undefined> = products.map((raw, index) => {
    const result = createProductSchema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const key = [index, ...issue.path.map(String)].join('.');
      fieldErrors[key] ??= issue.message;
    }
    return undefined;
  });
  let invalid = Object.keys(fieldErrors).length > 0;

  // Duplicates within the batch: every row after the first with the same SKU (ignoring case).
  const firstRowBySkuKey = new Map<string, number>();
  inputs.forEach((input, index) => {
    if (!input) return;
    const skuKey = input.sku.toLowerCase();
    if (firstRowBySkuKey.has(skuKey)) fieldErrors[`${index}.sku`] ??= DUPLICATE_IN_BATCH;
    else firstRowBySkuKey.set(skuKey, index);
  });
  const barcodes = new Set<string>();
  inputs.forEach((input, index) => {
    if (!input?.barcode) return;
    if (barcodes.has(input.barcode)) fieldErrors[`${index}.barcode`] ??= DUPLICATE_BARCODE_IN_BATCH;
    else barcodes.add(input.barcode);
  });

  const valid = inputs.flatMap((input, index) => (input ? [{ input, index }] : []));
  const categoryIds = [...new Set(valid.flatMap(({ input }) => (input.categoryId === null ? [] : [input.categoryId])))];
  const [taken, takenBarcodes, liveCategories] = await Promise.all([
    existingSkuKeys([...firstRowBySkuKey.keys()]),
    liveBarcodes([...barcodes]),
    categoryIds.length ? db().category.findMany({ where: { id: { in: categoryIds }, deletedAt: null }, select: { id: true } }) : [],
  ]);
  const liveCategoryIds = new Set(liveCategories.map((category) => category.id));
  for (const { input, index } of valid) {
    if (taken.has(input.sku.toLowerCase())) fieldErrors[`${index}.sku`] ??= SKU_EXISTS;
    if (input.barcode && takenBarcodes.has(input.barcode)) fieldErrors[`${index}.barcode`] ??= BARCODE_TAKEN;
    if (input.categoryId !== null && !liveCategoryIds.has(input.categoryId)) {
      fieldErrors[`${index}.categoryId`] ??= 'Category not found';
      invalid = true;
    }
  }
  const sorted = sortByRow(fieldErrors);
  if (invalid) throw new AppError('VALIDATION_FAILED', 'Some products need attention; none were created.', { fieldErrors: sorted });
  if (Object.keys(sorted).length > 0) throw uniqueConflict(sorted);

  const rows = valid.map(({ input }) => input);
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      const created = await tx.product.createManyAndReturn({
        data: rows.map((input) => ({ ...productCreateData(input), createdAt: now, updatedAt: now })),
      });
      // The categories may have been deleted since they were checked.
      if (categoryIds.length > 0) {
        const stillLive = await tx.category.count({ where: { id: { in: categoryIds }, deletedAt: null } });
        if (stillLive !== categoryIds.length) {
          throw new AppError('VALIDATION_FAILED', 'A category was deleted meanwhile; none were created.', {
            fieldErrors: { categoryId: 'Category not found' },
          });
        }
      }
      await reconcileAlerts(tx, {
        products: created.map((product) => ({ productId: product.id, onHand: product.onHand, reorderLevel: product.reorderLevel })),
        now,
      });
      // One audit row per product, as recordAudit writes them (a product has no secret
      // fields), in one statement: a thousand round trips would hold the write lock ~2x longer.
      await tx.auditLog.createMany({
        data: created.map((product) => ({
          actorId,
          action: 'CREATE',
          entity: 'Product',
          entityId: product.id,
          before: null,
          after: JSON.stringify(presentProduct(product)),
          createdAt: now,
        })),
      });
      const bySkuKey = new Map(created.map((product) => [product.skuKey, product]));
      return rows.map((input) => bySkuKey.get(input.sku.toLowerCase())).filter((product): product is Product => product !== undefined);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request took some of these SKUs or barcodes meanwhile: name them.
    const [takenNow, barcodesNow] = await Promise.all([existingSkuKeys(rows.map((input) => input.sku.toLowerCase())), liveBarcodes([...barcodes])]);
    const conflicts: FieldErrors = {};
    valid.forEach(({ input, index }) => {
      if (takenNow.has(input.sku.toLowerCase())) conflicts[`${index}.sku`] = SKU_EXISTS;
      if (input.barcode && barcodesNow.has(input.barcode)) conflicts[`${index}.barcode`] = BARCODE_TAKEN;
    });
    throw Object.keys(conflicts).length > 0 ? uniqueConflict(conflicts) : skuConflict();
  }
}

async function existingSkuKeys(skuKeys: string[]): Promise<Set<string>> {
  if (skuKeys.length === 0) return new Set();
  const rows = await db().product.findMany({ where: { skuKey: { in: skuKeys } }, select: { skuKey: true } });
  return new Set(rows.map((row) => row.skuKey));
}

/** A 409 whose message names what collided: SKUs (the usual case), else only barcodes. */
function uniqueConflict(fieldErrors: FieldErrors): AppError {
  return Object.keys(fieldErrors).some((key) => key.endsWith('.sku')) ? skuConflict(fieldErrors) : barcodeConflict(fieldErrors);
}

async function liveBarcodes(barcodes: string[]): Promise<Set<string>> {
  if (barcodes.length === 0) return new Set();
  const rows = await db().product.findMany({ where: { barcode: { in: barcodes }, deletedAt: null }, select: { barcode: true } });
  return new Set(rows.flatMap((row) => (row.barcode === null ? [] : [row.barcode])));
}

/** Field errors in row order ("2.sku" before "10.price"), as a person reads the batch. */
function sortByRow(fieldErrors: FieldErrors): FieldErrors {
  const row = (key: string) => Number(key.split('.')[0]);
  return Object.fromEntries(Object.entries(fieldErrors).sort(([a], [b]) => row(a) - row(b)));
}
