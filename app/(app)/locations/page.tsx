import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { DataTable, MoreLink } from '@/components/catalog/data-table';
import { LocationFormDialog } from '@/components/catalog/location-form-dialog';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { formatInteger } from '@/lib/format';
import { getLocationStockTotals } from '@/lib/inventory/get-location-stock-totals';
import { listLocations } from '@/lib/inventory/list-locations';
import { locationListQuerySchema } from '@/lib/inventory/location-schemas';
import { createLocationAction, deleteLocationAction, updateLocationAction } from './actions';

export const metadata: Metadata = { title: 'Locations' };

export default async function LocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('catalog:read');
  const canWrite = can(actor.role, 'catalog:write');
  const { cursor } = await searchParams;
  const query = locationListQuerySchema.safeParse({ limit: '100', cursor: typeof cursor === 'string' ? cursor : undefined });
  const [page, totals] = await Promise.all([listLocations(query.success ? query.data : { limit: 100 }), getLocationStockTotals()]);
  const rows = page.data.map((location) => ({ ...location, stock: totals.get(location.id) ?? { onHand: 0, productCount: 0 } }));

  return (
    <>
      <PageHeader
        title="Locations"
        description="Where stock is kept. Every movement happens at a location; the default one is used when none is named."
        actions={canWrite ? <LocationFormDialog action={createLocationAction} /> : undefined}
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No locations" description={canWrite ? 'Create a location to hold stock.' : 'A manager or admin can create locations.'} />
        ) : (
          <>
            <DataTable
              caption="Locations"
              rows={rows}
              rowKey={(location) => location.id}
              columns={[
                {
                  key: 'code',
                  header: 'Code',
                  cell: (location) => (
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-sm font-medium text-slate-900">{location.code}</span>
                      {location.isDefault && <Badge tone="blue">Default</Badge>}
                    </span>
                  ),
                },
                { key: 'name', header: 'Name', cell: (location) => <span className="text-slate-700">{location.name}</span> },
                {
                  key: 'onHand',
                  header: 'Units on hand',
                  align: 'right',
                  cell: (location) => (
                    <Link href={`/movements?locationId=${location.id}`} className="font-medium tabular-nums text-slate-900 hover:text-brand-700" title="Movements at this location">
                      {formatInteger(location.stock.onHand)}
                    </Link>
                  ),
                },
                { key: 'products', header: 'Products stocked', align: 'right', cell: (location) => <span className="tabular-nums text-slate-600">{formatInteger(location.stock.productCount)}</span> },
              ]}
              actions={
                canWrite
                  ? (location) => (
                      <>
                        <LocationFormDialog action={updateLocationAction} location={{ id: location.id, code: location.code, name: location.name, isDefault: location.isDefault }} />
                        <ConfirmDialog
                          trigger={{ label: 'Delete', ariaLabel: `Delete ${location.code}`, className: 'text-red-700! hover:bg-red-50!' }}
                          title={`Delete location ${location.code}?`}
                          description={
                            <>
                              “{location.name}” disappears from lists; its history stays in the ledger and its code stays taken. A location that still holds stock, or the
                              default one, cannot be deleted.
                            </>
                          }
                          confirmLabel="Delete location"
                          action={deleteLocationAction}
                          hidden={{ id: String(location.id) }}
                        />
                      </>
                    )
                  : undefined
              }
            />
            <MoreLink href={page.nextCursor ? `/locations?cursor=${encodeURIComponent(page.nextCursor)}` : null} shown={rows.length} noun={rows.length === 1 ? 'location' : 'locations'} />
          </>
        )}
      </Card>
    </>
  );
}
