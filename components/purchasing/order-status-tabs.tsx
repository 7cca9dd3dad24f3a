import Link from 'next/link';
import type { PurchaseOrderStatus } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { STATUS_LABELS } from './order-status-badge';

const TABS: Array<PurchaseOrderStatus | 'ALL'> = ['ALL', 'DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'];

/** The order lists by status as links (each a URL of its own), the current one marked for screen readers. */
export function OrderStatusTabs({ current }: { current: PurchaseOrderStatus | 'ALL' }) {
  return (
    <nav aria-label="Order status" className="mb-4 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          const selected = tab === current;
          return (
            <li key={tab}>
              <Link
                href={tab === 'ALL' ? '/purchasing' : `/purchasing?status=${tab.toLowerCase()}`}
                aria-current={selected ? 'page' : undefined}
                className={`inline-flex items-center whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors ${
                  selected ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
                }`}
              >
                {tab === 'ALL' ? 'All' : STATUS_LABELS[tab]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
