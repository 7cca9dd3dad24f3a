'use client';

import { useActionState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

/** Runs the scheduled export now (admins): the new files appear in the list below. */
export function RunExportButton({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.status === 'success') toast.success(next.message);
    else if (next.status === 'error') toast.error(next.message);
    return next;
  }, idleFormState);
  return (
    <form action={formAction}>
      <Button type="submit" size="sm" pending={pending}>
        {pending ? 'Running export…' : 'Run export now'}
      </Button>
    </form>
  );
}
