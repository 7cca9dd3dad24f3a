import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatInteger } from '@/lib/format';
import { isLowStock } from '@/lib/inventory/is-low-stock';
import { SelectAllProductsCheckbox, SelectProductCheckbox } from './bulk-delete';

/** A product row as the list shows it (money already formatted for people). */
export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  unit: string;
  onHand: number;
  reorderLevel: number;
  price: string;
  updatedAt: Date;
  deleted: boolean;
}

type SortKey = 'sku' | 'name' | 'onHand' | 'updatedAt';

export function OnHand({ onHand, reorderLevel }: { onHand: number; reorderLevel: number }) {
  if (isLowStock({ onHand, reorderLevel })) {
    return (
      <Badge tone="red">
        {formatInteger(onHand)}
        <span className="sr-only">, below reorder level</span>
      </Badge>
    );
  }
  return <span className="tabular-nums text-slate-900">{formatInteger(onHand)}</span>;
}

function SortHeader({
  label,
  column,
  sort,
  hrefFor,
  align = 'left',
  className = '',
}: {
  label: string;
  column: SortKey;
  sort: string;
  hrefFor: (sort: string) => string;
  align?: 'left' | 'right';
  className?: string;
}) {
  const active = sort === column || sort === `-${column}`;
  const descending = sort === `-${column}`;
  // A click on the active column flips it; a new column starts ascending (newest first for dates).
  const next = active ? (descending ? column : `-${column}`) : column === 'updatedAt' ? '-updatedAt' : column;
  return (
    <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined} className={`py-2.5 font-medium ${align === 'right' ? 'text-right' : 'text-left'} ${className}`}>
      <Link
        href={hrefFor(next)}
        scroll={false}
        className={`group inline-flex items-center gap-1 rounded hover:text-slate-900 ${active ? 'text-slate-900' : ''} ${align === 'right' ? 'flex-row-reverse' : ''}`}
      >
        {label}
        <span className={`text-[10px] ${active ? 'text-brand-600' : 'text-transparent group-hover:text-slate-400'}`} aria-hidden="true">
          {active && descending ? '▼' : '▲'}
        </span>
        <span className="sr-only">{active ? `, sorted ${descending ? 'descending' : 'ascending'}; sort ${descending ? 'ascending' : 'descending'}` : ', sort'}</span>
      </Link>
    </th>
  );
}

function NameCell({ row }: { row: ProductRow }) {
  if (row.deleted) {
    return (
      <span className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 break-words font-medium text-slate-500">{row.name}</span>
        <Badge>Deleted</Badge>
      </span>
    );
  }
  return (
    <Link href={`/products/${row.id}`} className="break-words font-medium text-slate-900 hover:text-brand-700 hover:underline">
      {row.name}
    </Link>
  );
}

/**
 * The product list: a table with sortable headers on wide screens, a stacked card list on
 * phones (the same rows, each a link to the product). Names, SKUs and categories are rendered
 * as text by React, never as HTML. `selectable` adds a checkbox to every live row, for the
 * bulk delete (inside <ProductSelection>).
 */
export function ProductTable({ rows, sort, hrefFor, selectable = false }: { rows: ProductRow[]; sort: string; hrefFor: (sort: string) => string; selectable?: boolean }) {
  return (
    <>
      <div className="hidden md:block">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">Products</caption>
          <thead>
            <tr className="border-b border-slate-100 bg-slate-50/60 text-xs uppercase tracking-wide text-slate-500">
              {selectable && (
                <th scope="col" className="w-11 py-2.5 pl-5 text-left">
                  <SelectAllProductsCheckbox />
                </th>
              )}
              <SortHeader label="SKU" column="sku" sort={sort} hrefFor={hrefFor} className={`w-36 pr-3 ${selectable ? 'pl-3' : 'pl-5'}`} />
              <SortHeader label="Name" column="name" sort={sort} hrefFor={hrefFor} className="px-3" />
              <th scope="col" className="hidden w-40 px-3 py-2.5 text-left font-medium lg:table-cell">
                Category
              </th>
              <SortHeader label="On hand" column="onHand" sort={sort} hrefFor={hrefFor} align="right" className="w-28 whitespace-nowrap px-3" />
              <th scope="col" className="w-32 whitespace-nowrap px-3 py-2.5 text-right font-medium">
                Reorder level
              </th>
              <th scope="col" className="w-24 px-3 py-2.5 text-right font-medium">
                Price
              </th>
              <SortHeader label="Updated" column="updatedAt" sort={sort} hrefFor={hrefFor} align="right" className="hidden w-32 pl-3 pr-5 xl:table-cell" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className={row.deleted ? 'bg-slate-50/60' : 'hover:bg-slate-50/60'}>
                {selectable && <td className="py-3 pl-5">{!row.deleted && <SelectProductCheckbox id={row.id} label={`${row.sku} ${row.name}`} />}</td>}
                <td className={`truncate py-3 pr-3 font-mono text-xs text-slate-600 ${selectable ? 'pl-3' : 'pl-5'}`} title={row.sku}>
                  {row.sku}
                </td>
                <td className="px-3 py-3">
                  <NameCell row={row} />
                </td>
                <td className="hidden break-words px-3 py-3 text-slate-600 lg:table-cell">{row.category ?? <span className="text-slate-500">—</span>}</td>
                <td className="px-3 py-3 text-right">
                  <OnHand onHand={row.onHand} reorderLevel={row.reorderLevel} />
                </td>
                <td className="px-3 py-3 text-right tabular-nums text-slate-600">{formatInteger(row.reorderLevel)}</td>
                <td className="px-3 py-3 text-right tabular-nums text-slate-900">{row.price}</td>
                <td className="hidden whitespace-nowrap py-3 pl-3 pr-5 text-right text-slate-500 xl:table-cell">{formatDate(row.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Products">
        {rows.map((row) => {
          const body = (
            <>
              <div className="min-w-0 flex-1">
                <p className={`break-words text-sm font-medium ${row.deleted ? 'text-slate-500' : 'text-slate-900'}`}>{row.name}</p>
                <p className="mt-0.5 truncate text-xs text-slate-500">
                  <span className="font-mono">{row.sku}</span>
                  {row.category ? ` · ${row.category}` : ''}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  <span className="tabular-nums text-slate-700">{row.price}</span> · reorder level {formatInteger(row.reorderLevel)}
                </p>
              </div>
              <div className="flex shrink-0 flex-col items-end gap-1">
                {row.deleted ? (
                  <Badge>Deleted</Badge>
                ) : (
                  <>
                    <OnHand onHand={row.onHand} reorderLevel={row.reorderLevel} />
                    <span className="text-xs text-slate-500" aria-hidden="true">
                      on hand
                    </span>
                  </>
                )}
              </div>
            </>
          );
          return (
            <li key={row.id} className="flex items-stretch">
              {selectable && (
                // A label the height of the row: a thumb-sized target beside the link, not inside it.
                <label className="flex shrink-0 items-start py-3.5 pl-4 pr-1">
                  {!row.deleted && <SelectProductCheckbox id={row.id} label={`${row.sku} ${row.name}`} />}
                </label>
              )}
              {row.deleted ? (
                <div className="flex min-w-0 flex-1 items-start gap-3 px-4 py-3">{body}</div>
              ) : (
                <Link href={`/products/${row.id}`} className="flex min-w-0 flex-1 items-start gap-3 px-4 py-3 hover:bg-slate-50 active:bg-slate-100">
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
