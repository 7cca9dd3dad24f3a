import { TabLinks } from '@/components/ui/tab-links';
import type { PurchaseOrderStatus } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { STATUS_LABELS } from './order-status-badge';

const TABS: Array<PurchaseOrderStatus | 'ALL'> = ['ALL', 'DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'];

/** The order lists by status, each a URL of its own. */
export function OrderStatusTabs({ current }: { current: PurchaseOrderStatus | 'ALL' }) {
  const tabs = TABS.map((tab) => ({
    key: tab,
    href: tab === 'ALL' ? '/purchasing' : `/purchasing?status=${tab.toLowerCase()}`,
    label: tab === 'ALL' ? 'All' : STATUS_LABELS[tab],
  }));
  return <TabLinks label="Order status" tabs={tabs} current={current} className="mb-4" />;
}
