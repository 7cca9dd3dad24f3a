import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { PurchaseOrderStatus } from '@/lib/inventory/purchasing/purchase-order-schemas';

export const STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  DRAFT: 'Draft',
  ORDERED: 'Ordered',
  PARTIALLY_RECEIVED: 'Partly received',
  RECEIVED: 'Received',
  CANCELLED: 'Cancelled',
};

const TONES: Record<PurchaseOrderStatus, BadgeTone> = { DRAFT: 'neutral', ORDERED: 'blue', PARTIALLY_RECEIVED: 'amber', RECEIVED: 'green', CANCELLED: 'red' };

export function OrderStatusBadge({ status }: { status: PurchaseOrderStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
