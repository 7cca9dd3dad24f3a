import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FlashToast } from '@/components/products/flash-toast';
import { CancelOrderButton, OrderActionButton, PrintButton } from '@/components/purchasing/order-buttons';
import { OrderLines } from '@/components/purchasing/order-lines';
import { OrderStatusBadge } from '@/components/purchasing/order-status-badge';
import { ReceiveDialog } from '@/components/purchasing/receive-dialog';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { getPurchaseOrder } from '@/lib/inventory/purchasing/get-purchase-order';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { getDisplayFormat } from '@/lib/settings/get-display-format';
import { cancelOrderAction, markOrderedAction, receiveOrderAction } from '../actions';

/** What the action that led here did, said in a toast; made here, never copied from the URL. */
const FLASHES = new Map<string, (number: string) => string>([
  ['drafted', (number) => `Drafted ${number} from the suggestions.`],
  ['created', (number) => `${number} is drafted.`],
  ['saved', (number) => `${number} is saved.`],
]);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParamSchema.safeParse((await params).id);
  return { title: id.success ? `Purchase order ${id.data}` : 'Purchase order' };
}

export default async function PurchaseOrderPage({ params, searchParams }: Props) {
  const actor = await requirePageActor('catalog:read');
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  await getDisplayFormat();
  const order = await getPurchaseOrder({ id: id.data }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const number = formatOrderNumber(order.number);
  const canPlan = can(actor.role, 'purchasing:write');
  const canReceive = can(actor.role, 'movements:write') && (order.status === 'ORDERED' || order.status === 'PARTIALLY_RECEIVED');
  const total = order.lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitCostCents), 0n);
  const flash = FLASHES.get(String((await searchParams).flash));
  const canEdit = canPlan && order.status === 'DRAFT';

  return (
    <div data-print-root>
      {flash && <FlashToast message={flash(number)} cleanHref={`/purchasing/${order.id}`} />}
      <p className="mb-2 text-sm print:hidden">
        <Link href="/purchasing" className="font-medium text-brand-600 hover:text-brand-700">
          ← Purchasing
        </Link>
      </p>
      <p className="mb-1 hidden text-sm font-medium tracking-wide text-slate-500 uppercase print:block">Purchase order</p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{number}</span>
            <OrderStatusBadge status={order.status} />
          </span>
        }
        description={`To ${order.supplier.name}, delivered to ${order.location.name} (${order.location.code})`}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            {canReceive && (
              <ReceiveDialog
                // A fresh dialog after each receipt: its quantities start again at the new remainders.
                key={order.lines.map((line) => `${line.id}:${line.receivedQuantity}`).join(',')}
                orderId={order.id}
                number={number}
                action={receiveOrderAction}
                lines={order.lines
                  .filter((line) => line.receivedQuantity < line.quantity)
                  .map((line) => ({ id: line.id, sku: line.product.sku, name: line.product.name, ordered: line.quantity, remaining: line.quantity - line.receivedQuantity }))}
              />
            )}
            {canEdit && (
              <ButtonLink href={`/purchasing/${order.id}/edit`} variant="secondary">
                Edit draft
              </ButtonLink>
            )}
            {canEdit && <OrderActionButton orderId={order.id} label="Mark as ordered" action={markOrderedAction} variant="primary" />}
            {canPlan && (order.status === 'DRAFT' || order.status === 'ORDERED') && <CancelOrderButton orderId={order.id} number={number} action={cancelOrderAction} />}
            <PrintButton />
          </div>
        }
      />

      <dl className="mb-6 grid grid-cols-2 gap-4 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-xs sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">Expected</dt>
          <dd className="mt-0.5 font-medium text-slate-900">{order.expectedAt ? formatDate(order.expectedAt) : 'Not set'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Reference</dt>
          <dd className="mt-0.5 font-medium break-words text-slate-900">{order.reference ?? 'None'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Ordered</dt>
          <dd className="mt-0.5 font-medium text-slate-900">{order.orderedAt ? formatDateTime(order.orderedAt) : 'Not yet'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Total</dt>
          <dd className="mt-0.5 font-semibold tabular-nums text-slate-900">{formatMoney(total)}</dd>
        </div>
      </dl>

      <Card title="Lines" description={canReceive ? <span className="print:hidden">Received so far against each line; the rest is still expected.</span> : undefined}>
        <OrderLines order={order} number={number} total={total} />
      </Card>
      {!canPlan && can(actor.role, 'movements:write') && order.status === 'DRAFT' && (
        <p className="mt-3 text-xs text-slate-500 print:hidden">A manager marks this order as ordered; then it can be received here.</p>
      )}
    </div>
  );
}
