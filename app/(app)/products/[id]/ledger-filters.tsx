import Form from 'next/form';
import Link from 'next/link';

import type { MovementFilterValues } from '@/components/movements/movement-filters';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { displayTimeZone } from '@/lib/format';

/** Plural, so an option never reads exactly like a type badge in the rows below it. */
const TYPE_OPTIONS = [
  { value: 'RECEIPT', label: 'Receipts' },
  { value: 'SHIPMENT', label: 'Shipments' },
  { value: 'ADJUSTMENT', label: 'Adjustments' },
  { value: 'TRANSFER', label: 'Transfers' },
  { value: 'COUNT', label: 'Counts' },
] as const;

/**
 * The product's ledger filters (the product is the page's own): a GET form, so a filtered
 * history is a link. It stays where the page is scrolled, since it sits below the fold.
 */
export function LedgerFilters({
  productId,
  values,
  errors,
  locations,
}: {
  productId: number;
  values: MovementFilterValues;
  errors: Record<string, string>;
  locations: Array<{ id: number; code: string; deleted: boolean }>;
}) {
  const filtered = Boolean(values.locationId || values.type || values.from || values.to);
  return (
    <Form action={`/products/${productId}`} scroll={false} aria-label="Filter this product's movements" className="border-b border-slate-100 px-5 py-4">
      {/* On phones the two selects share a row; a date input needs the whole width. */}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Select label="Location" name="locationId" defaultValue={values.locationId} error={errors.locationId}>
          <option value="">All</option>
          {locations.map((location) => (
            <option key={location.id} value={String(location.id)}>
              {location.code}
              {location.deleted ? ' (deleted)' : ''}
            </option>
          ))}
        </Select>
        <Select label="Type" name="type" defaultValue={values.type} error={errors.type}>
          <option value="">All</option>
          {TYPE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
        <Field label="From" name="from" type="date" defaultValue={values.from} error={errors.from} className="col-span-2 sm:col-span-1" />
        <Field label="To" name="to" type="date" defaultValue={values.to} error={errors.to} className="col-span-2 sm:col-span-1" />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-slate-500">Whole days in {displayTimeZone()}; “To” includes that day.</p>
        <div className="flex gap-2">
          {filtered && (
            <Link href={`/products/${productId}`} scroll={false} className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
              Clear
            </Link>
          )}
          <Button type="submit" variant="secondary" size="sm">
            Apply
          </Button>
        </div>
      </div>
    </Form>
  );
}
