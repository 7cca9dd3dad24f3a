import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PurchaseOrderForm } from '@/components/purchasing/order-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { isAppError } from '@/lib/errors';
import { getPurchaseOrder } from '@/lib/inventory/purchasing/get-purchase-order';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { formatCents } from '@/lib/money';
import { getDisplayFormat } from '@/lib/settings/get-display-format';
import { updateOrderAction } from '../../actions';
import { orderFormOptions } from '../../form-options';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParamSchema.safeParse((await params).id);
  return { title: id.success ? `Edit purchase order ${id.data}` : 'Edit purchase order' };
}

/** A draft's header and lines; an order past draft is read-only, so this sends you back to it. */
export default async function EditPurchaseOrderPage({ params }: Props) {
  await requirePageActor('purchasing:write');
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const order = await getPurchaseOrder({ id: id.data }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (order.status !== 'DRAFT') redirect(`/purchasing/${order.id}`);
  const [options, display] = await Promise.all([orderFormOptions({ supplierId: order.supplierId, locationId: order.locationId }), getDisplayFormat()]);
  const number = formatOrderNumber(order.number);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/purchasing/${order.id}`} className="font-medium text-brand-600 hover:text-brand-700">
          ← {number}
        </Link>
      </p>
      <PageHeader title={`Edit ${number}`} description="A draft: what you save here replaces its lines. Once it is marked as ordered it can no longer change." />
      <PurchaseOrderForm
        action={updateOrderAction}
        orderId={order.id}
        submitLabel="Save draft"
        cancelHref={`/purchasing/${order.id}`}
        suppliers={options.suppliers}
        locations={options.locations}
        money={{ locale: display.settings.locale, currency: display.settings.currency }}
        initial={{
          supplierId: String(order.supplierId),
          locationId: String(order.locationId),
          // Expected dates are days, kept at 00:00 UTC.
          expectedAt: order.expectedAt ? order.expectedAt.toISOString().slice(0, 10) : '',
          reference: order.reference ?? '',
          lines: order.lines.map((line) => ({
            key: `line-${line.id}`,
            product: { id: line.productId, label: `${line.product.sku} · ${line.product.name}` },
            quantity: String(line.quantity),
            unitCost: formatCents(line.unitCostCents),
            costSource: 'saved',
          })),
        }}
      />
    </>
  );
}
