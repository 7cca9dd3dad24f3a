'use client';

import { Combobox, ComboboxInput, Description, Field as HeadlessField, Label } from '@headlessui/react';
import { useState, type ReactNode, type Ref } from 'react';
import { ProductSearchOptions } from '@/components/products/product-search-options';
import { type ProductChoice, useProductSearch } from '@/components/products/use-product-search';
import { ComboboxToggle } from '@/components/ui/combobox-toggle';
import { CONTROL_CLASSES, controlStateClasses } from '@/components/ui/field';


/**
 * The product of one order line, searched by SKU or name as the person types: GET
 * /api/products (the session's own read permission, the API's own search) asks for ten at a
 * time, so a hundred thousand products never reach the page. Controlled: the order form
 * holds its lines. Products already on other lines are marked, since the order takes each once.
 */
export function LineProductPicker({
  label,
  labelClassName,
  value,
  onChange,
  error,
  takenIds,
  inputRef,
  resetKey,
}: {
  label: ReactNode;
  labelClassName: string;
  value: ProductChoice | null;
  onChange: (choice: ProductChoice | null) => void;
  error?: string;
  takenIds: ReadonlySet<number>;
  inputRef?: Ref<HTMLInputElement>;
  /** Changes with each answer of the server (useFormAction's fieldsKey). */
  resetKey: string;
}) {
  const [query, setQuery] = useState('');
  const { results, failed } = useProductSearch(query);

  return (
    // Inside a Headless UI Field, the Label and the Description (the error) are tied to the
    // input by Headless UI itself, which also sets the input's aria-describedby.
    <HeadlessField className="min-w-0">
      <Label className={labelClassName}>{label}</Label>
      {/*
        React resets the form after each submission, and an input goes back to its default
        text: Headless UI makes that the label of the Combobox's defaultValue as it mounts. A
        refused form remounts the Combobox (resetKey) with the chosen product as that default,
        so the box keeps showing it.
      */}
      <Combobox key={resetKey} value={value} defaultValue={value} onChange={onChange} by="id" onClose={() => setQuery('')}>
        <div className="relative">
          <ComboboxInput
            ref={inputRef}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            placeholder="Search by SKU or name"
            displayValue={(choice: ProductChoice | null) => choice?.label ?? ''}
            onChange={(event) => setQuery(event.target.value)}
            className={`${CONTROL_CLASSES} h-10 pr-10 ${controlStateClasses(Boolean(error))}`}
          />
          <ComboboxToggle label="Show products" className="rounded-r-lg focus-visible:outline-2 focus-visible:outline-brand-500" />
        </div>
        <ProductSearchOptions query={query} results={results} failed={failed} noteFor={(choice) => (takenIds.has(choice.id) ? 'on another line' : null)} className="min-w-72" />
      </Combobox>
      {error && (
        <Description as="p" className="mt-1 text-sm text-red-600">
          {error}
        </Description>
      )}
    </HeadlessField>
  );
}
