'use client';

import { useToastAction, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';

/** Acknowledges one alert through a server action; a toast says how it went. */
export function DismissAlertButton({ alertId, productLabel, action }: { alertId: number; productLabel: string; action: FormAction }) {
  const [, formAction, pending] = useToastAction(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={alertId} />
      <Button type="submit" variant="secondary" size="sm" pending={pending} aria-label={`Dismiss alert for ${productLabel}`}>
        Dismiss
      </Button>
    </form>
  );
}
