import { Badge } from '@/components/ui/badge';

const LABELS: Record<string, { label: string; tone: 'green' | 'blue' | 'amber' | 'neutral' | 'red' }> = {
  RECEIPT: { label: 'Receipt', tone: 'green' },
  SHIPMENT: { label: 'Shipment', tone: 'blue' },
  ADJUSTMENT: { label: 'Adjustment', tone: 'amber' },
  TRANSFER: { label: 'Transfer', tone: 'neutral' },
  COUNT: { label: 'Count', tone: 'neutral' },
};

export function MovementTypeBadge({ type }: { type: string }) {
  const { label, tone } = LABELS[type] ?? { label: type, tone: 'neutral' as const };
  return <Badge tone={tone}>{label}</Badge>;
}
