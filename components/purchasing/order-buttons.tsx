'use client';

import { useToastAction, type FormAction } from '@/components/ui/action-form';
import { Button, type ButtonProps } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/form-dialog';

/** One button posting an order's id to a server action (order, cancel); a toast says how it went. */
export function OrderActionButton({ orderId, label, action, variant = 'secondary' }: { orderId: number; label: string; action: FormAction; variant?: ButtonProps['variant'] }) {
  const [, formAction, pending] = useToastAction(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={orderId} />
      <Button type="submit" variant={variant} pending={pending}>
        {label}
      </Button>
    </form>
  );
}

/** Cancelling cannot be taken back: it asks first, and a refusal (something was received meanwhile) stays in the dialog. */
export function CancelOrderButton({ orderId, number, action }: { orderId: number; number: string; action: FormAction }) {
  return (
    <ConfirmDialog
      trigger={{ label: 'Cancel order', variant: 'secondary', size: 'md', className: 'text-red-700' }}
      title={`Cancel ${number}?`}
      confirmLabel="Cancel order"
      action={action}
      hidden={{ id: String(orderId) }}
    >
      <p>It stays in the list as cancelled, and nothing more can be received against it. This cannot be undone.</p>
    </ConfirmDialog>
  );
}

/** "Draft orders": one draft per supplier from the suggestions; the action goes to the drafts. */
export function DraftOrdersButton({ action, size = 'md' }: { action: FormAction; size?: ButtonProps['size'] }) {
  const [, formAction, pending] = useToastAction(action);
  return (
    <form action={formAction}>
      <Button type="submit" size={size} pending={pending}>
        Draft orders
      </Button>
    </form>
  );
}

export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      Print
    </Button>
  );
}
