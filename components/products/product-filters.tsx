'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import type { OptionItem } from './types';

export interface ProductFilterValues {
  q: string;
  categoryId: string;
  supplierId: string;
  locationId: string;
  lowStock: boolean;
  includeDeleted: boolean;
  sort: string;
}

export const SORT_OPTIONS: Array<{ value: string; label: string }> = [
  { value: 'sku', label: 'SKU (A–Z)' },
  { value: '-sku', label: 'SKU (Z–A)' },
  { value: 'name', label: 'Name (A–Z)' },
  { value: '-name', label: 'Name (Z–A)' },
  { value: 'onHand', label: 'On hand (lowest first)' },
  { value: '-onHand', label: 'On hand (highest first)' },
  { value: '-updatedAt', label: 'Recently updated' },
  { value: 'updatedAt', label: 'Least recently updated' },
];

/**
 * The list's search and filters: a GET form, so every view is a URL (shareable, the back
 * button works, it works before JavaScript loads). Once it has, the search navigates on the
 * client with a tidy URL (no empty parameters, no default sort). On phones the filters fold
 * away behind a button; the search box always shows.
 */
export function ProductFilters({
  values,
  categories,
  suppliers,
  locations,
  activeFilters,
}: {
  values: ProductFilterValues;
  categories: OptionItem[];
  suppliers: OptionItem[];
  locations: OptionItem[];
  activeFilters: number;
}) {
  const router = useRouter();
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const searchId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value !== 'string') continue;
      const text = value.trim();
      if (text === '' || (key === 'sort' && text === 'sku')) continue;
      params.set(key, text);
    }
    const query = params.toString();
    router.push(query ? `/products?${query}` : '/products');
  };
  return (
    <form action="/products" method="get" onSubmit={submit} role="search" aria-label="Search products" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={searchId} className="sr-only">
            Search by SKU or name
          </label>
          <div className="relative">
            <svg viewBox="0 0 24 24" className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
              <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3" />
            </svg>
            <input
              id={searchId}
              type="search"
              name="q"
              defaultValue={values.q}
              placeholder="Search SKU or name"
              maxLength={200}
              autoComplete="off"
              enterKeyHint="search"
              className="block h-10 w-full rounded-lg border border-slate-300 bg-white pl-9 pr-3 text-sm shadow-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
            />
          </div>
        </div>
        <button
          type="button"
          onClick={() => setExpanded((open) => !open)}
          aria-expanded={expanded}
          aria-controls={panelId}
          className="inline-flex h-10 shrink-0 items-center gap-1.5 rounded-lg bg-white px-3 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 md:hidden"
        >
          Filters
          {activeFilters > 0 && <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">{activeFilters}</span>}
        </button>
        <div className="hidden md:block">
          <Button type="submit">Search</Button>
        </div>
      </div>

      {/* Hidden (not removed) when folded: its values are still sent with a search. */}
      <div id={panelId} className={`${expanded ? 'grid' : 'hidden'} mt-4 gap-4 sm:grid-cols-2 md:grid md:grid-cols-4`}>
        <Select label="Category" name="categoryId" defaultValue={values.categoryId}>
          <option value="">All categories</option>
          {categories.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </Select>
        <Select label="Supplier" name="supplierId" defaultValue={values.supplierId}>
          <option value="">All suppliers</option>
          {suppliers.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </Select>
        <Select label="In stock at" name="locationId" defaultValue={values.locationId}>
          <option value="">Any location</option>
          {locations.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </Select>
        <Select label="Sort by" name="sort" defaultValue={values.sort}>
          {SORT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3 sm:col-span-2 md:col-span-4">
          <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="lowStock" value="true" defaultChecked={values.lowStock} className="h-4 w-4 rounded border-slate-300 accent-brand-600" />
            Low stock only
          </label>
          <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="includeDeleted" value="true" defaultChecked={values.includeDeleted} className="h-4 w-4 rounded border-slate-300 accent-brand-600" />
            Show deleted
          </label>
          <div className="flex w-full gap-2 sm:ml-auto sm:w-auto">
            {activeFilters > 0 || values.q || values.sort !== 'sku' ? (
              <Link href="/products" className="inline-flex h-10 flex-1 items-center justify-center rounded-lg px-4 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:flex-none">
                Clear
              </Link>
            ) : null}
            <Button type="submit" className="flex-1 sm:flex-none md:hidden">
              Apply filters
            </Button>
          </div>
        </div>
      </div>
    </form>
  );
}
