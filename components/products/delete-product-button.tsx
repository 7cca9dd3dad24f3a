'use client';

import { ConfirmDialog } from '@/components/ui/form-dialog';
import type { ProductAction } from './types';

/** Delete asks first; the product is soft-deleted (its history stays); the action redirects to the list, which shows the toast. */
export function DeleteProductButton({ product, action }: { product: { id: number; sku: string; name: string; onHand: number }; action: ProductAction }) {
  return (
    <ConfirmDialog
      trigger={{ label: 'Delete', variant: 'secondary', size: 'md', className: 'text-red-700! hover:bg-red-50!' }}
      title="Delete this product?"
      description={
        <>
          {product.name} · <span className="inline-block max-w-full font-mono [overflow-wrap:anywhere]">{product.sku}</span>
        </>
      }
      confirmLabel="Delete product"
      action={action}
      hidden={{ id: String(product.id) }}
    >
      <p>It leaves the product list and can no longer be received or shipped. Its movements stay in the ledger, and its SKU stays taken.</p>
      {product.onHand > 0 && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">
          It still has {product.onHand.toLocaleString('en-US')} on hand. Consider shipping, adjusting or counting it to zero first.
        </p>
      )}
    </ConfirmDialog>
  );
}
