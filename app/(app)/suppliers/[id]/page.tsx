import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Dash, DataTable } from '@/components/catalog/data-table';
import { LinkProductDialog } from '@/components/suppliers/link-product-dialog';
import type { SupplierProductLink } from '@/components/suppliers/types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors';
import { formatInteger, formatMoney } from '@/lib/format';
import { getSupplier } from '@/lib/inventory/get-supplier';
import { listSupplierProducts } from '@/lib/inventory/list-supplier-products';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { formatCents } from '@/lib/money';
import { linkProductAction, unlinkProductAction } from '../actions';

/** Enough for any real supplier's range on one page; beyond it the product list filters by supplier. */
const LINKS_SHOWN = 200;

type Params = Promise<{ id: string }>;

/** The live supplier of the URL, or null (unknown, deleted, or not an id); read once per request. */
const findSupplier = cache(async (idText: string) => {
  const id = idParamSchema.safeParse(idText);
  if (!id.success) return null;
  try {
    return await getSupplier({ id: id.data });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const supplier = await findSupplier((await params).id);
  return { title: supplier ? supplier.name : 'Supplier' };
}

function days(count: number): string {
  return `${formatInteger(count)} day${count === 1 ? '' : 's'}`;
}

export default async function SupplierPage({ params }: { params: Params }) {
  const actor = await requirePageActor('catalog:read');
  const supplier = await findSupplier((await params).id);
  if (!supplier) notFound();
  const canWrite = can(actor.role, 'catalog:write');
  const page = await listSupplierProducts({ supplierId: supplier.id, limit: LINKS_SHOWN });
  const links: Array<SupplierProductLink & { unitCostCents: number | null; onHand: number }> = page.data.map((link) => ({
    productId: link.productId,
    sku: link.product.sku,
    name: link.product.name,
    leadTimeDays: link.leadTimeDays,
    unitCost: link.unitCostCents === null ? null : formatCents(link.unitCostCents),
    supplierSku: link.supplierSku,
    preferred: link.preferred,
    unitCostCents: link.unitCostCents,
    onHand: link.product.onHand,
  }));
  const linkedIds = links.map((link) => link.productId);
  const owner = { id: supplier.id, name: supplier.name };

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/suppliers" className="font-medium text-slate-500 hover:text-slate-800">
          ← Suppliers
        </Link>
      </nav>
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{supplier.name}</h1>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-slate-500">Email</dt>
              <dd className="min-w-0 break-all">
                {supplier.email ? (
                  <a href={`mailto:${supplier.email}`} className="text-brand-600 hover:text-brand-700">
                    {supplier.email}
                  </a>
                ) : (
                  <Dash />
                )}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-500">Phone</dt>
              <dd className="whitespace-nowrap text-slate-800">{supplier.phone ?? <Dash />}</dd>
            </div>
          </dl>
          {supplier.notes && <p className="mt-2 max-w-prose whitespace-pre-line break-words text-sm text-slate-600">{supplier.notes}</p>}
        </div>
        {canWrite && (
          <div className="shrink-0">
            <LinkProductDialog action={linkProductAction} supplier={owner} linkedIds={linkedIds} />
          </div>
        )}
      </div>

      <Card title="Products" description="What this supplier supplies, with lead times and their prices.">
        {links.length === 0 ? (
          <EmptyState
            title="No products linked"
            description={canWrite ? 'Link the products you order from this supplier, with their lead times.' : 'A manager or admin can link products to this supplier.'}
          />
        ) : (
          <>
            <DataTable
              caption={`Products supplied by ${supplier.name}`}
              rows={links}
              rowKey={(link) => link.productId}
              columns={[
                {
                  key: 'product',
                  header: 'Product',
                  cell: (link) => (
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Link href={`/products/${link.productId}`} className="font-medium break-words text-brand-600 hover:text-brand-700">
                        <span className="font-mono">{link.sku}</span> · {link.name}
                      </Link>
                      {link.preferred && <Badge tone="blue">Preferred</Badge>}
                    </span>
                  ),
                  className: 'min-w-56 max-w-96',
                },
                { key: 'lead', header: 'Lead time', cell: (link) => <span className="whitespace-nowrap">{days(link.leadTimeDays)}</span>, align: 'right' },
                {
                  key: 'cost',
                  header: 'Unit cost',
                  cell: (link) => (link.unitCostCents === null ? <Dash /> : formatMoney(link.unitCostCents)),
                  align: 'right',
                },
                { key: 'supplierSku', header: 'Supplier SKU', cell: (link) => (link.supplierSku ? <span className="font-mono break-all">{link.supplierSku}</span> : <Dash />) },
                { key: 'onHand', header: 'On hand', cell: (link) => formatInteger(link.onHand), align: 'right' },
              ]}
              actions={
                canWrite
                  ? (link) => (
                      <>
                        <LinkProductDialog action={linkProductAction} supplier={owner} link={link} linkedIds={linkedIds} />
                        <ConfirmDialog
                          trigger={{ label: 'Unlink', ariaLabel: `Unlink ${link.sku}`, className: 'text-red-700! hover:bg-red-50!' }}
                          title="Unlink this product?"
                          description={
                            <>
                              {supplier.name} will no longer be listed as a supplier of <span className="font-mono">{link.sku}</span> · {link.name}.
                            </>
                          }
                          confirmLabel="Unlink"
                          action={unlinkProductAction}
                          hidden={{ supplierId: String(supplier.id), productId: String(link.productId), productLabel: link.sku }}
                        >
                          Its lead time, price and supplier SKU are forgotten; stock and history are untouched.
                        </ConfirmDialog>
                      </>
                    )
                  : undefined
              }
            />
            <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
              <span>
                {page.hasMore ? `Showing the first ${LINKS_SHOWN} products` : `${links.length} product${links.length === 1 ? '' : 's'}`}
              </span>
              <Link href={`/products?supplierId=${supplier.id}`} className="font-medium text-brand-600 hover:text-brand-700">
                Open in the product list →
              </Link>
            </div>
          </>
        )}
      </Card>
    </>
  );
}
