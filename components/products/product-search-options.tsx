'use client';

import { ComboboxOption, ComboboxOptions } from '@headlessui/react';
import type { ProductChoice } from './use-product-search';

/**
 * The list under a product picker: what useProductSearch found for `query`, each product with
 * an optional note (already linked, already on another line), or why there is nothing to pick.
 */
export function ProductSearchOptions({
  query,
  results,
  failed,
  noteFor,
  className = '',
}: {
  query: string;
  results: ProductChoice[] | null;
  failed: boolean;
  noteFor: (choice: ProductChoice) => string | null;
  className?: string;
}) {
  return (
    <ComboboxOptions anchor="bottom start" className={`z-50 max-h-64 w-(--input-width) overflow-y-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-900/10 [--anchor-gap:4px] ${className}`}>
      {failed ? (
        <p className="px-3 py-2 text-red-600">Products could not be loaded. Type again to retry.</p>
      ) : results === null ? (
        <p className="px-3 py-2 text-slate-500">Searching…</p>
      ) : results.length === 0 ? (
        <p className="px-3 py-2 text-slate-500">No product matches “{query}”.</p>
      ) : (
        results.map((choice) => {
          const note = noteFor(choice);
          return (
            <ComboboxOption key={choice.id} value={choice} className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-slate-800 select-none data-focus:bg-brand-50 data-selected:font-medium">
              <span className="min-w-0 break-words">{choice.label}</span>
              {note && <span className="shrink-0 text-xs text-slate-500">{note}</span>}
            </ComboboxOption>
          );
        })
      )}
    </ComboboxOptions>
  );
}
