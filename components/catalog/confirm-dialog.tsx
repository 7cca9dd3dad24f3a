'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ActionForm, type FormAction, type TriggerProps } from './form-dialog';
import { Modal } from './modal';

/**
 * A button that asks before doing something that cannot be taken back (delete, revoke,
 * disable). The server's refusal (the default location, a location holding stock, the last
 * admin) is shown in the dialog, which stays open; success closes it with a toast.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  action,
  hidden,
  tone = 'danger',
}: {
  trigger: TriggerProps;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: FormAction;
  hidden: Record<string, string>;
  tone?: 'danger' | 'primary';
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant={trigger.variant ?? 'ghost'} size={trigger.size ?? 'sm'} className={trigger.className} aria-label={trigger.ariaLabel} onClick={() => setOpen(true)}>
        {trigger.label}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={title} description={description}>
        <ActionForm action={action} hidden={hidden} fieldNames={[]} submitLabel={confirmLabel} submitVariant={tone} onCancel={() => setOpen(false)} onSuccess={() => setOpen(false)}>
          {() => null}
        </ActionForm>
      </Modal>
    </>
  );
}
