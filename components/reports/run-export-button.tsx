'use client';

import { useToastAction, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';

/** Runs the scheduled export now (admins): the new files appear in the list below. */
export function RunExportButton({ action }: { action: FormAction }) {
  const [, formAction, pending] = useToastAction(action);
  return (
    <form action={formAction}>
      <Button type="submit" size="sm" pending={pending}>
        {pending ? 'Running export…' : 'Run export now'}
      </Button>
    </form>
  );
}
