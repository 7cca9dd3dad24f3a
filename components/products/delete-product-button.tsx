'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from './form-controls';
import type { ProductAction } from './types';
import { useProductAction } from './use-product-action';

/** Delete asks first; the product is soft-deleted (its history stays); the action redirects to the list, which shows the toast. */
export function DeleteProductButton({ product, action }: { product: { id: number; sku: string; name: string; onHand: number }; action: ProductAction }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog" className="text-red-700! hover:bg-red-50!">
        Delete
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete this product?" description={<>{product.name} · <span className="font-mono">{product.sku}</span></>}>
        <DeleteForm product={product} action={action} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function DeleteForm({ product, action, onCancel }: { product: { id: number; onHand: number }; action: ProductAction; onCancel: () => void }) {
  const { state, formAction, pending, formRef } = useProductAction(action);
  return (
    <form ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={product.id} />
      {state.status === 'error' && <FormAlert>{state.message}</FormAlert>}
      <div className="space-y-2 text-sm text-slate-600">
        <p>It leaves the product list and can no longer be received or shipped. Its movements stay in the ledger, and its SKU stays taken.</p>
        {product.onHand > 0 && (
          <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">
            It still has {product.onHand.toLocaleString('en-US')} on hand. Consider shipping, adjusting or counting it to zero first.
          </p>
        )}
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" pending={pending}>
          Delete product
        </Button>
      </div>
    </form>
  );
}
