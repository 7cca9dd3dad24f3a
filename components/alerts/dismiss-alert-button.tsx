'use client';

import { useActionState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

/** Acknowledges one alert through a server action; a toast says how it went. */
export function DismissAlertButton({ alertId, productLabel, action }: { alertId: number; productLabel: string; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.status === 'success') toast.success(next.message);
    else if (next.status === 'error') toast.error(next.message);
    return next;
  }, idleFormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={alertId} />
      <Button type="submit" variant="secondary" size="sm" pending={pending} aria-label={`Dismiss alert for ${productLabel}`}>
        Dismiss
      </Button>
    </form>
  );
}
