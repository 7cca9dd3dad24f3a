'use client';

import { Combobox, ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions, Description, Field as HeadlessField } from '@headlessui/react';
import { useEffect, useId, useState } from 'react';
import { CONTROL_CLASSES, controlStateClasses, FieldFrame } from '@/components/ui/field';
import type { ProductChoice } from './types';

const RESULTS = 10;

/**
 * Picks one product by SKU or name: a Headless UI Combobox that asks GET /api/products (the
 * session's own read permission, the API's own search) as the person types, so it stays
 * quick with a hundred thousand products. It posts `productId`, and `productLabel` so that a
 * refused form can show the same choice again.
 */
export function ProductPicker({ label, error, defaultValue, linkedIds }: { label: string; error?: string; defaultValue: ProductChoice | null; linkedIds: ReadonlySet<number> }) {
  const id = useId();
  const [selected, setSelected] = useState<ProductChoice | null>(defaultValue);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ProductChoice[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    // A short pause, so that typing a SKU asks once rather than once per key.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/products?${new URLSearchParams({ q: query, limit: String(RESULTS) })}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`GET /api/products answered ${response.status}`);
        const body = (await response.json()) as { data: Array<{ id: number; sku: string; name: string }> };
        setResults(body.data.map((product) => ({ id: product.id, label: `${product.sku} · ${product.name}` })));
        setFailed(false);
      } catch {
        if (!controller.signal.aborted) setFailed(true);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    // ComboboxInput sets aria-describedby itself, from Headless UI's own Description: so the
    // hint or error is one, inside a Headless UI Field, and FieldFrame draws only the label.
    <HeadlessField>
      <FieldFrame id={id} label={label}>
        <Combobox value={selected} onChange={setSelected} by="id" onClose={() => setQuery('')}>
          <div className="relative">
            <ComboboxInput
              id={id}
              aria-invalid={error ? true : undefined}
              autoComplete="off"
              placeholder="Search products"
              displayValue={(choice: ProductChoice | null) => choice?.label ?? ''}
              onChange={(event) => setQuery(event.target.value)}
              className={`${CONTROL_CLASSES} h-10 pr-10 ${controlStateClasses(Boolean(error))}`}
            />
            <ComboboxButton aria-label="Show products" className="absolute inset-y-0 right-0 mt-1 flex w-10 items-center justify-center text-slate-500 hover:text-slate-700">
              <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4" aria-hidden="true">
                <path
                  fillRule="evenodd"
                  d="M10.53 3.47a.75.75 0 0 0-1.06 0L6.22 6.72a.75.75 0 0 0 1.06 1.06L10 5.06l2.72 2.72a.75.75 0 1 0 1.06-1.06l-3.25-3.25Zm-4.31 9.81 3.25 3.25a.75.75 0 0 0 1.06 0l3.25-3.25a.75.75 0 1 0-1.06-1.06L10 14.94l-2.72-2.72a.75.75 0 0 0-1.06 1.06Z"
                  clipRule="evenodd"
                />
              </svg>
            </ComboboxButton>
          </div>
          <ComboboxOptions
            anchor="bottom start"
            className="z-50 max-h-64 w-(--input-width) overflow-y-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-900/10 [--anchor-gap:4px]"
          >
            {failed ? (
              <p className="px-3 py-2 text-red-600">Products could not be loaded. Type again to retry.</p>
            ) : results.length === 0 ? (
              <p className="px-3 py-2 text-slate-500">No product matches “{query}”.</p>
            ) : (
              results.map((choice) => (
                <ComboboxOption key={choice.id} value={choice} className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-slate-800 select-none data-focus:bg-brand-50 data-selected:font-medium">
                  <span className="min-w-0 break-words">{choice.label}</span>
                  {linkedIds.has(choice.id) && <span className="shrink-0 text-xs text-slate-500">linked</span>}
                </ComboboxOption>
              ))
            )}
          </ComboboxOptions>
        </Combobox>
        <input type="hidden" name="productId" value={selected?.id ?? ''} />
        <input type="hidden" name="productLabel" value={selected?.label ?? ''} />
      </FieldFrame>
      {/* The look of FieldFrame's hint and error. */}
      <Description as="p" className={error ? 'mt-1 text-sm text-red-600' : 'mt-1 text-xs text-slate-500'}>
        {error ?? 'Type part of a SKU or a name'}
      </Description>
    </HeadlessField>
  );
}
