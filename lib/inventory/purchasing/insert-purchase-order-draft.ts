import type { Transaction } from '@/lib/db/client';
import { AppError, notFound } from '@/lib/errors';
import { purchaseOrderInclude, type PurchaseOrderRecord } from './present-purchase-order';
import type { PurchaseOrderLineInput } from './purchase-order-schemas';

export interface DraftFields {
  supplierId: number;
  locationId?: number;
  expectedAt: Date | null;
  reference: string | null;
  lines: PurchaseOrderLineInput[];
}

/**
 * Takes the next order number: an UPDATE of the sequence's one row, so that on PostgreSQL
 * concurrent drafts queue on its row lock until each commits, and on SQLite it is the write
 * that takes the database's lock. Numbers are sequential and never repeat; a rolled-back draft
 * gives its number back. Call it as the transaction's first statement.
 */
export async function takeOrderNumber(tx: Transaction): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ value: number | bigint }>>`
    UPDATE "purchase_order_sequence" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value"`;
  if (rows.length !== 1) throw new Error('The purchase order sequence row is missing.');
  return Number(rows[0]!.value);
}

/** The live supplier, or 404 keyed on supplierId. */
export async function requireLiveSupplier(tx: Transaction, supplierId: number): Promise<void> {
  const supplier = await tx.supplier.findFirst({ where: { id: supplierId, deletedAt: null }, select: { id: true } });
  if (!supplier) throw new AppError('NOT_FOUND', 'Supplier not found.', { fieldErrors: { supplierId: 'No such supplier' } });
}

/** The given live location, or the default one when none is given. */
export async function resolveOrderLocation(tx: Transaction, locationId: number | undefined): Promise<number> {
  const location = await tx.location.findFirst({
    where: locationId === undefined ? { isDefault: true, deletedAt: null } : { id: locationId, deletedAt: null },
    select: { id: true },
  });
  if (!location) {
    if (locationId === undefined) throw notFound('Default location');
    throw new AppError('NOT_FOUND', 'Location not found.', { fieldErrors: { locationId: 'No such location' } });
  }
  return location.id;
}

/**
 * The lines as rows to write: every product live (404 naming the line otherwise), and a unit
 * cost where none was given from the supplier's link to the product, else the product's cost.
 */
export async function priceOrderLines(tx: Transaction, supplierId: number, lines: PurchaseOrderLineInput[]): Promise<Array<{ productId: number; quantity: number; unitCostCents: number }>> {
  const productIds = lines.map((line) => line.productId);
  const products = await tx.product.findMany({
    where: { id: { in: productIds }, deletedAt: null },
    select: { id: true, costCents: true, suppliers: { where: { supplierId }, select: { unitCostCents: true } } },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  const missing = lines.flatMap((line, index) => (byId.has(line.productId) ? [] : [index]));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', 'Product not found.', { fieldErrors: Object.fromEntries(missing.map((index) => [`lines.${index}.productId`, 'No such product'])) });
  }
  return lines.map((line) => {
    const product = byId.get(line.productId)!;
    return { productId: line.productId, quantity: line.quantity, unitCostCents: line.unitCost ?? product.suppliers[0]?.unitCostCents ?? product.costCents };
  });
}

/** Writes a new DRAFT order and its lines (the caller audits it and owns the transaction). */
export async function insertPurchaseOrderDraft(tx: Transaction, { fields, actorId }: { fields: DraftFields; actorId: number | null }): Promise<PurchaseOrderRecord> {
  const number = await takeOrderNumber(tx);
  await requireLiveSupplier(tx, fields.supplierId);
  const locationId = await resolveOrderLocation(tx, fields.locationId);
  const lines = await priceOrderLines(tx, fields.supplierId, fields.lines);
  return tx.purchaseOrder.create({
    data: {
      number,
      supplierId: fields.supplierId,
      locationId,
      reference: fields.reference,
      expectedAt: fields.expectedAt,
      createdById: actorId,
      lines: { create: lines },
    },
    include: purchaseOrderInclude,
  });
}
