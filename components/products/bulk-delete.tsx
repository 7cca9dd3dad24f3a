'use client';

import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { formatInteger } from '@/lib/format';
import type { ProductAction } from './types';

/** What the confirmation needs to know of a row that can be selected. */
export interface SelectableProduct {
  id: number;
  sku: string;
  onHand: number;
}

interface Selection {
  products: SelectableProduct[];
  selected: ReadonlySet<number>;
  toggle: (id: number, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
}

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = use(SelectionContext);
  if (!selection) throw new Error('Product selection controls must sit inside <ProductSelection>.');
  return selection;
}

/**
 * Holds which products of this page are ticked for a bulk delete. The list itself stays a
 * server component; only the checkboxes and the toolbar read this. A row that leaves the
 * page (a delete, another page, a new filter) leaves the selection too.
 */
export function ProductSelection({ products, children }: { products: SelectableProduct[]; children: ReactNode }) {
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const onPage = new Set(products.map((product) => product.id));
  const selected = new Set([...ticked].filter((id) => onPage.has(id)));
  const selection: Selection = {
    products,
    selected,
    toggle: (id, on) =>
      setTicked((previous) => {
        const next = new Set(previous);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setTicked(on ? new Set(products.map((product) => product.id)) : new Set()),
    clear: () => setTicked(new Set()),
  };
  return <SelectionContext value={selection}>{children}</SelectionContext>;
}

const CHECKBOX = 'h-4 w-4 cursor-pointer rounded border-slate-300 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500';

export function SelectProductCheckbox({ id, label }: { id: number; label: string }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className={CHECKBOX} checked={selected.has(id)} onChange={(event) => toggle(id, event.target.checked)} aria-label={`Select ${label}`} />;
}

/** Ticks every product on this page (never other pages: what is deleted is what was seen). */
export function SelectAllProductsCheckbox() {
  const { products, selected, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = products.length > 0 && selected.size === products.length;
  const some = selected.size > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return <input ref={ref} type="checkbox" className={CHECKBOX} checked={all} disabled={products.length === 0} onChange={(event) => setAll(event.target.checked)} aria-label="Select all products on this page" />;
}

/**
 * The bar above the list: how many are selected, Print labels (a PDF sheet of them, opened in
 * a new tab) and Delete selected, which asks first. The
 * delete is all or none (lib/inventory/delete-products.ts) and, as for one product, refused
 * while any of them holds stock (409). So a selection holding stock opens an explanation
 * instead of the confirmation, naming those products (each page offers Count to zero) and
 * offering to untick them and delete the rest.
 */
export function BulkDeleteBar({ action }: { action: ProductAction }) {
  const { products, selected, toggle, setAll, clear } = useSelection();
  const [explaining, setExplaining] = useState(false);
  const chosen = products.filter((product) => selected.has(product.id));
  const stocked = chosen.filter((product) => product.onHand > 0);
  const units = stocked.reduce((sum, product) => sum + product.onHand, 0);
  const count = chosen.length;
  const noun = count === 1 ? 'product' : 'products';
  const trigger = { label: count > 0 ? `Delete selected (${formatInteger(count)})` : 'Delete selected', className: 'text-red-700! hover:bg-red-50!', disabled: count === 0 };
  return (
    <div className="flex min-h-14 flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-4 py-2.5 sm:px-5">
      <label className="flex items-center gap-3 text-sm text-slate-600 md:hidden">
        <SelectAllProductsCheckbox />
        Select all
      </label>
      <p className="text-sm text-slate-600" aria-live="polite">
        {count === 0 ? 'Tick products to act on several at once.' : `${formatInteger(count)} ${noun} selected`}
      </p>
      <div className="flex items-center gap-2">
        {count > 0 && (
          <button type="button" onClick={() => setAll(false)} className="h-8 rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100">
            Clear
          </button>
        )}
        {count > 0 ? (
          <a href={`/api/products/labels?ids=${chosen.map((product) => product.id).join(',')}`} target="_blank" rel="noopener" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Print labels ({formatInteger(count)})
          </a>
        ) : (
          <Button type="button" variant="secondary" size="sm" disabled>
            Print labels
          </Button>
        )}
        {stocked.length > 0 ? (
          <>
            <Button type="button" variant="secondary" size="sm" className={trigger.className} aria-haspopup="dialog" onClick={() => setExplaining(true)}>
              {trigger.label}
            </Button>
            <Dialog
              open={explaining}
              onClose={() => setExplaining(false)}
              title={stocked.length === 1 ? 'A selected product still holds stock' : `${formatInteger(stocked.length)} selected products still hold stock`}
              actions={
                <>
                  <Button type="button" variant="secondary" onClick={() => setExplaining(false)}>
                    Close
                  </Button>
                  <Button
                    type="button"
                    onClick={() => {
                      for (const product of stocked) toggle(product.id, false);
                      setExplaining(false);
                    }}
                  >
                    {stocked.length === 1 ? 'Untick it' : 'Untick them'}
                  </Button>
                </>
              }
            >
              <div className="space-y-2 text-sm text-slate-600">
                <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">
                  {formatInteger(units)} {units === 1 ? 'unit' : 'units'} left: ship, adjust or count them to zero first. Nothing is deleted while a selected product holds stock.
                </p>
                <ul className="space-y-1">
                  {stocked.map((product) => (
                    <li key={product.id}>
                      <Link href={`/products/${product.id}`} className="font-mono font-medium text-brand-700 [overflow-wrap:anywhere] hover:underline">
                        {product.sku}
                      </Link>{' '}
                      · {formatInteger(product.onHand)} on hand
                    </li>
                  ))}
                </ul>
                <p>A product&apos;s page offers Count to zero under Delete.</p>
              </div>
            </Dialog>
          </>
        ) : (
          <ConfirmDialog
            trigger={{ ...trigger, variant: 'secondary', size: 'sm' }}
            title={`Delete ${formatInteger(count)} ${noun}?`}
            description={chosen.map((product) => product.sku).join(', ')}
            confirmLabel={`Delete ${formatInteger(count)} ${noun}`}
            action={action}
            hidden={{ ids: chosen.map((product) => product.id).join(',') }}
            onSuccess={clear}
          >
            <p>They leave the product list and can no longer be received or shipped. Their movements stay in the ledger, and their SKUs stay taken. All are deleted, or none.</p>
          </ConfirmDialog>
        )}
      </div>
    </div>
  );
}
