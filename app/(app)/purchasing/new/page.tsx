import type { Metadata } from 'next';
import { PurchaseOrderForm } from '@/components/purchasing/order-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { getDisplayFormat } from '@/lib/settings/get-display-format';
import { createOrderAction } from '../actions';
import { orderFormOptions } from '../form-options';

export const metadata: Metadata = { title: 'New purchase order' };

export default async function NewPurchaseOrderPage() {
  await requirePageActor('purchasing:write');
  const [options, display] = await Promise.all([orderFormOptions(), getDisplayFormat()]);
  return (
    <>
      <PageHeader title="New purchase order" description="It starts as a draft: change it as often as needed, then mark it as ordered when it goes to the supplier." />
      <PurchaseOrderForm
        action={createOrderAction}
        submitLabel="Create draft"
        cancelHref="/purchasing"
        suppliers={options.suppliers}
        locations={options.locations}
        money={{ locale: display.settings.locale, currency: display.settings.currency }}
        initial={{ supplierId: '', locationId: options.defaultLocationId, expectedAt: '', reference: '', lines: [] }}
      />
    </>
  );
}
