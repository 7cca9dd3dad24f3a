import Form from 'next/form';
import Link from 'next/link';
import { Select } from '@/components/ui/select';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { displayTimeZone } from '@/lib/format';

export interface MovementFilterValues {
  product: string;
  locationId: string;
  type: string;
  from: string;
  to: string;
}

export const MOVEMENT_TYPE_OPTIONS = [
  { value: 'RECEIPT', label: 'Receipt' },
  { value: 'SHIPMENT', label: 'Shipment' },
  { value: 'ADJUSTMENT', label: 'Adjustment' },
  { value: 'TRANSFER', label: 'Transfer' },
  { value: 'COUNT', label: 'Count' },
] as const;

/**
 * The ledger's filters as a GET form, so that every filtered view is a link that can be
 * shared or bookmarked. Used by the ledger and by the movements report.
 */
export function MovementFilters({
  action,
  values,
  errors,
  locations,
  preserve = {},
  clearHref,
  idPrefix = 'movement',
  keepScroll = false,
  framed = true,
}: {
  action: string;
  values: MovementFilterValues;
  errors: Record<string, string>;
  locations: Array<{ id: number; code: string; name: string; deleted: boolean }>;
  /** Other parameters of the page to keep when these filters change. */
  preserve?: Record<string, string>;
  clearHref: string;
  idPrefix?: string;
  /** Stay where the page is scrolled after applying (when the filters sit low on a page). */
  keepScroll?: boolean;
  /** A card of its own (the ledger) or plain, inside another card (the reports). */
  framed?: boolean;
}) {
  return (
    <Form action={action} scroll={!keepScroll} className={framed ? 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm' : ''} aria-label="Filter movements" id={`${idPrefix}-filters`}>
      {Object.entries(preserve).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {/* One column on phones: at 375 px two columns cut "All locations" and the date inputs. */}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <Field
          label="Product"
          name="product"
          placeholder="SKU or id"
          defaultValue={values.product}
          error={errors.product ?? errors.productId}
          className="sm:col-span-2 lg:col-span-1"
          autoComplete="off"
          spellCheck={false}
        />
        <Select label="Location" name="locationId" defaultValue={values.locationId} error={errors.locationId}>
          <option value="">All locations</option>
          {locations.map((location) => (
            <option key={location.id} value={String(location.id)}>
              {location.code}
              {location.deleted ? ' (deleted)' : ''}
            </option>
          ))}
        </Select>
        <Select label="Type" name="type" defaultValue={values.type} error={errors.type}>
          <option value="">All types</option>
          {MOVEMENT_TYPE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
        <Field label="From" name="from" type="date" defaultValue={values.from} error={errors.from} />
        <Field label="To" name="to" type="date" defaultValue={values.to} error={errors.to} />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-slate-500">Dates are whole days in {displayTimeZone()}; “To” includes that day.</p>
        <div className="flex gap-2">
          <Link href={clearHref} className="inline-flex h-10 items-center rounded-lg px-4 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Clear
          </Link>
          <Button type="submit">Apply filters</Button>
        </div>
      </div>
    </Form>
  );
}
