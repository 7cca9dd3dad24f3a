'use client';

import { Combobox, ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions, Description, Field as HeadlessField, Label } from '@headlessui/react';
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import { CONTROL_CLASSES, controlStateClasses } from '@/components/ui/field';

export interface ProductChoice {
  id: number;
  /** "SKU · name", as the picker shows it. */
  label: string;
}

const RESULTS = 10;

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
  const [results, setResults] = useState<ProductChoice[] | null>(null);
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
          <ComboboxButton aria-label="Show products" className="absolute inset-y-0 right-0 mt-1 flex w-10 items-center justify-center rounded-r-lg text-slate-500 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500">
            <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4" aria-hidden="true">
              <path
                fillRule="evenodd"
                d="M10.53 3.47a.75.75 0 0 0-1.06 0L6.22 6.72a.75.75 0 0 0 1.06 1.06L10 5.06l2.72 2.72a.75.75 0 1 0 1.06-1.06l-3.25-3.25Zm-4.31 9.81 3.25 3.25a.75.75 0 0 0 1.06 0l3.25-3.25a.75.75 0 1 0-1.06-1.06L10 14.94l-2.72-2.72a.75.75 0 0 0-1.06 1.06Z"
                clipRule="evenodd"
              />
            </svg>
          </ComboboxButton>
        </div>
        <ComboboxOptions anchor="bottom start" className="z-50 max-h-64 w-(--input-width) min-w-72 overflow-y-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-900/10 [--anchor-gap:4px]">
          {failed ? (
            <p className="px-3 py-2 text-red-600">Products could not be loaded. Type again to retry.</p>
          ) : results === null ? (
            <p className="px-3 py-2 text-slate-500">Searching…</p>
          ) : results.length === 0 ? (
            <p className="px-3 py-2 text-slate-500">No product matches “{query}”.</p>
          ) : (
            results.map((choice) => (
              <ComboboxOption key={choice.id} value={choice} className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-slate-800 select-none data-focus:bg-brand-50 data-selected:font-medium">
                <span className="min-w-0 break-words">{choice.label}</span>
                {takenIds.has(choice.id) && <span className="shrink-0 text-xs text-slate-500">on another line</span>}
              </ComboboxOption>
            ))
          )}
        </ComboboxOptions>
      </Combobox>
      {error && (
        <Description as="p" className="mt-1 text-sm text-red-600">
          {error}
        </Description>
      )}
    </HeadlessField>
  );
}
