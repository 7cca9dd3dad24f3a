import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { Dash, DataTable, MoreLink } from '@/components/catalog/data-table';
import { SupplierFormDialog } from '@/components/catalog/supplier-form-dialog';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { listSuppliers } from '@/lib/inventory/list-suppliers';
import { supplierListQuerySchema } from '@/lib/inventory/supplier-schemas';
import { createSupplierAction, deleteSupplierAction, updateSupplierAction } from './actions';

export const metadata: Metadata = { title: 'Suppliers' };

export default async function SuppliersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('catalog:read');
  const canWrite = can(actor.role, 'catalog:write');
  const { cursor } = await searchParams;
  const query = supplierListQuerySchema.safeParse({ limit: '100', cursor: typeof cursor === 'string' ? cursor : undefined });
  const page = await listSuppliers(query.success ? query.data : { limit: 100 });

  return (
    <>
      <PageHeader
        title="Suppliers"
        description="Who you buy from. Open a supplier to see and link the products it supplies, with lead times."
        actions={canWrite ? <SupplierFormDialog action={createSupplierAction} /> : undefined}
      />
      <Card>
        {page.data.length === 0 ? (
          <EmptyState
            title={query.success && query.data.cursor ? 'No more suppliers' : 'No suppliers yet'}
            description={canWrite ? 'Add the companies you order from, then link them to products.' : 'A manager or admin can add suppliers.'}
          />
        ) : (
          <>
            <DataTable
              caption="Suppliers"
              rows={page.data}
              rowKey={(supplier) => supplier.id}
              columns={[
                { key: 'name', header: 'Name', cell: (supplier) => (
                    <Link href={`/suppliers/${supplier.id}`} className="font-medium break-words text-brand-600 hover:text-brand-700">
                      {supplier.name}
                    </Link>
                  ), className: 'min-w-44 max-w-64' },
                {
                  key: 'email',
                  header: 'Email',
                  cell: (supplier) =>
                    supplier.email ? (
                      <a href={`mailto:${supplier.email}`} className="break-all text-brand-600 hover:text-brand-700 md:break-normal">
                        {supplier.email}
                      </a>
                    ) : (
                      <Dash />
                    ),
                },
                { key: 'phone', header: 'Phone', cell: (supplier) => (supplier.phone ? <span className="whitespace-nowrap">{supplier.phone}</span> : <Dash />) },
                {
                  key: 'notes',
                  header: 'Notes',
                  cell: (supplier) => (supplier.notes ? <span className="line-clamp-3 whitespace-pre-line text-slate-600">{supplier.notes}</span> : <Dash />),
                  className: 'max-w-80',
                },
              ]}
              actions={
                canWrite
                  ? (supplier) => (
                      <>
                        <SupplierFormDialog
                          action={updateSupplierAction}
                          supplier={{ id: supplier.id, name: supplier.name, email: supplier.email, phone: supplier.phone, notes: supplier.notes }}
                        />
                        <ConfirmDialog
                          trigger={{ label: 'Delete', ariaLabel: `Delete ${supplier.name}`, className: 'text-red-700! hover:bg-red-50!' }}
                          title="Delete this supplier?"
                          description={<>“{supplier.name}” disappears from lists and from its products; past orders and history are kept.</>}
                          confirmLabel="Delete supplier"
                          action={deleteSupplierAction}
                          hidden={{ id: String(supplier.id) }}
                        />
                      </>
                    )
                  : undefined
              }
            />
            <MoreLink href={page.nextCursor ? `/suppliers?cursor=${encodeURIComponent(page.nextCursor)}` : null} shown={page.data.length} noun={page.data.length === 1 ? 'supplier' : 'suppliers'} />
          </>
        )}
      </Card>
    </>
  );
}
