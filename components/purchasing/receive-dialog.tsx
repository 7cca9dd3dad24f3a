'use client';

import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import type { FormAction } from '@/components/ui/action-form';

export interface ReceivableLine {
  id: number;
  sku: string;
  name: string;
  ordered: number;
  remaining: number;
}

/**
 * Receiving against an order: one quantity per line, each starting at what is still expected
 * (a delivery usually brings everything); lowering one receives part now and the rest later.
 */
export function ReceiveDialog({ orderId, number, lines, action }: { orderId: number; number: string; lines: ReceivableLine[]; action: FormAction }) {
  const [quantities, setQuantities] = useState<Record<number, string>>(() => Object.fromEntries(lines.map((line) => [line.id, String(line.remaining)])));
  const payload = JSON.stringify(lines.map((line) => ({ lineId: line.id, quantity: Number(quantities[line.id] || 0) })));
  return (
    <FormDialog
      trigger={{ label: 'Receive', variant: 'primary' }}
      title={`Receive ${number}`}
      description="What arrived, per line. Each line starts at what is still expected; set 0 for what did not come."
      submitLabel="Receive into stock"
      action={action}
      hidden={{ id: String(orderId), lines: payload }}
      fieldNames={[]}
    >
      {() => (
        <div className="space-y-3">
          {lines.map((line) => (
            <Field
              key={line.id}
              label={`${line.sku} · ${line.name}`}
              name={`line-${line.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={line.remaining}
              step={1}
              hint={line.remaining === line.ordered ? `${line.remaining} expected` : `${line.remaining} still expected (${line.ordered - line.remaining} of ${line.ordered} received)`}
              value={quantities[line.id] ?? ''}
              onChange={(event) => setQuantities((current) => ({ ...current, [line.id]: event.target.value }))}
            />
          ))}
        </div>
      )}
    </FormDialog>
  );
}
