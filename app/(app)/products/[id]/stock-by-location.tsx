import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatInteger } from '@/lib/format';
import type { ProductPageView } from '@/lib/inventory/catalog/load-product-page';

/** Where the product is or was, holding locations first, and how many never held it. */
export function StockByLocation({ view, canMove }: { view: ProductPageView; canMove: boolean }) {
  const { levels, neverHeld } = view;
  return (
    <Card title="Stock by location">
      {levels.length + neverHeld === 0 ? (
        <EmptyState title="No locations" description="Add a location to keep stock in." />
      ) : levels.length === 0 ? (
        <EmptyState title="Not stocked anywhere yet" description={canMove ? 'Receive stock to put it on a shelf.' : 'It appears here once stock is received.'} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {levels.map((level) => (
            <li key={level.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
              <span className="min-w-0">
                <span className="font-mono text-xs font-medium text-slate-700">{level.code}</span>
                <span className="ml-2 text-slate-600">{level.name}</span>
                {level.isDefault && <span className="ml-2 text-xs text-slate-500">default</span>}
                {level.deleted && (
                  <span className="ml-2">
                    <Badge>Location deleted</Badge>
                  </span>
                )}
              </span>
              <span className={`font-semibold tabular-nums ${level.onHand === 0 ? 'text-slate-500' : 'text-slate-900'}`}>{formatInteger(level.onHand)}</span>
            </li>
          ))}
        </ul>
      )}
      {levels.length > 0 && neverHeld > 0 && (
        <p className="border-t border-slate-100 px-5 py-2.5 text-xs text-slate-500">
          {neverHeld === 1 ? '1 other location has' : `${formatInteger(neverHeld)} other locations have`} never held this product.
        </p>
      )}
    </Card>
  );
}
