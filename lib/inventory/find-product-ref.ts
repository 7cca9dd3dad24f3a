import { db } from '@/lib/db/client';

export interface ProductRef {
  id: number;
  sku: string;
  name: string;
  deleted: boolean;
}

const select = { id: true, sku: true, name: true, deletedAt: true } as const;

/**
 * Names a product for a filter: by `id`, or by what a person typed (`text`): a SKU first
 * (ignoring case), else a numeric id ("42" or "#42"). Deleted products are found too, since
 * their history stays in the ledger.
 */
export async function findProductRef({ id, text }: { id?: number; text?: string }): Promise<ProductRef | null> {
  const value = text?.trim() ?? '';
  const bySku = value !== '' && value.length <= 64 ? await db().product.findUnique({ where: { skuKey: value.toLowerCase() }, select }) : null;
  const typedId = /^#?\d{1,10}$/.test(value) ? Number(value.replace('#', '')) : undefined;
  const wantedId = id ?? typedId;
  const product =
    bySku ?? (wantedId !== undefined && Number.isSafeInteger(wantedId) && wantedId > 0 && wantedId <= 2_147_483_647 ? await db().product.findUnique({ where: { id: wantedId }, select }) : null);
  return product ? { id: product.id, sku: product.sku, name: product.name, deleted: product.deletedAt !== null } : null;
}
