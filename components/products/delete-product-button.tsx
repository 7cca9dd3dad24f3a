'use client';

import { countProductToZero } from '@/app/(app)/products/count-to-zero-action';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import type { ProductAction } from './types';

/**
 * Delete asks first; the product is soft-deleted (its history stays); the action redirects to
 * the list, which shows the toast. A product still holding stock cannot be deleted (the server
 * refuses it too, 409): the same button then explains why and offers the way out, a count to
 * zero at every location holding it, posted through the ledger like any count. Once that
 * succeeds the page re-renders with nothing on hand and the button deletes again.
 */
export function DeleteProductButton({ product, action }: { product: { id: number; sku: string; name: string; onHand: number }; action: ProductAction }) {
  const description = (
    <>
      {product.name} · <span className="inline-block max-w-full font-mono [overflow-wrap:anywhere]">{product.sku}</span>
    </>
  );
  const trigger = { label: 'Delete', variant: 'secondary', size: 'md', className: 'text-red-700! hover:bg-red-50!' } as const;
  if (product.onHand > 0) {
    const units = `${product.onHand.toLocaleString('en-US')} ${product.onHand === 1 ? 'unit' : 'units'}`;
    return (
      <ConfirmDialog trigger={trigger} title="It still holds stock" description={description} confirmLabel="Count to zero" tone="primary" action={countProductToZero} hidden={{ id: String(product.id) }}>
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">
          It still holds {units}. A product holding stock cannot be deleted: ship, adjust or count them to zero first.
        </p>
        <p>Count to zero records a count of 0 at every location holding it. The units written off stay in the ledger as count movements; then delete it.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog trigger={trigger} title="Delete this product?" description={description} confirmLabel="Delete product" action={action} hidden={{ id: String(product.id) }}>
      <p>It leaves the product list and can no longer be received or shipped. Its movements stay in the ledger, and its SKU stays taken.</p>
    </ConfirmDialog>
  );
}
