'use client';

import { Combobox, ComboboxInput, Description, Field as HeadlessField } from '@headlessui/react';
import { useId, useState } from 'react';
import { ProductSearchOptions } from '@/components/products/product-search-options';
import { type ProductChoice, useProductSearch } from '@/components/products/use-product-search';
import { ComboboxToggle } from '@/components/ui/combobox-toggle';
import { CONTROL_CLASSES, controlStateClasses, FieldFrame } from '@/components/ui/field';

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
  const { results, failed } = useProductSearch(query);

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
            <ComboboxToggle label="Show products" />
          </div>
          <ProductSearchOptions query={query} results={results} failed={failed} noteFor={(choice) => (linkedIds.has(choice.id) ? 'linked' : null)} />
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
