'use client';

import { useEffect, useState } from 'react';

/** A product as the pickers offer it and their forms send it back. */
export interface ProductChoice {
  id: number;
  /** "SKU · name", as the pickers show it. */
  label: string;
}

const RESULTS = 10;

/**
 * Products whose SKU or name matches what is typed, ten at a time, from GET /api/products
 * (the session's own read permission, the API's own search), so that a picker stays quick
 * with a hundred thousand products. `results` is null until the first answer.
 */
export function useProductSearch(query: string): { results: ProductChoice[] | null; failed: boolean } {
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

  return { results, failed };
}
