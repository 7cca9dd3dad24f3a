'use client';

import { useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { ActionForm, type FormAction, type FormView } from './action-form';
import { Button, type ButtonProps } from './button';
import { Dialog } from './dialog';

export interface TriggerProps {
  label: ReactNode;
  /** The accessible name when the visible label is short or an icon ("Edit" → "Edit Acme"). */
  ariaLabel?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  className?: string;
  disabled?: boolean;
}

export interface FormDialogProps {
  trigger: TriggerProps;
  title: string;
  description?: ReactNode;
  submitLabel: ReactNode;
  submitVariant?: ButtonProps['variant'];
  action: FormAction;
  /** Hidden inputs sent with the form, such as the id being edited. */
  hidden?: Record<string, string>;
  /** The fields shown; an error for any other key is shown above the form instead. */
  fieldNames: readonly string[];
  /** After the close that follows a success (e.g. clear a selection). */
  onSuccess?: () => void;
  children: (view: FormView) => ReactNode;
}

/**
 * A button that opens a dialog holding a form posted to a server action. Field errors from
 * the server appear beside their inputs, with the typed values kept; on success a toast says
 * so and the dialog closes (an action that redirects instead leaves the toast to the page it
 * lands on).
 */
export function FormDialog({ trigger, title, description, submitLabel, submitVariant, action, hidden, fieldNames, onSuccess, children }: FormDialogProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  // The toast is raised as the action's answer arrives, not from an effect after it renders:
  // a success that takes the dialog off the page (the last rows of a list deleted) still
  // says so. (Wrapping costs nothing here: the dialog only opens once the page runs script.)
  const announced: FormAction = async (state, formData) => {
    const next = await action(state, formData);
    if (next.status === 'success') toast.success(next.message);
    return next;
  };
  return (
    <>
      <Button
        type="button"
        variant={trigger.variant ?? 'primary'}
        size={trigger.size ?? 'md'}
        className={trigger.className}
        aria-label={trigger.ariaLabel}
        aria-haspopup="dialog"
        disabled={trigger.disabled}
        onClick={() => setOpen(true)}
      >
        {trigger.label}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={description}>
        <ActionForm
          action={announced}
          hidden={hidden}
          fieldNames={fieldNames}
          submitLabel={submitLabel}
          submitVariant={submitVariant}
          onCancel={close}
          onSuccess={() => {
            close();
            onSuccess?.();
          }}
        >
          {children}
        </ActionForm>
      </Dialog>
    </>
  );
}

/**
 * Create or edit one record of a list in a dialog: "New <noun>" opens an empty form; "Edit"
 * on a row opens it filled and posts the record's id.
 */
export function RecordFormDialog({
  noun,
  editing,
  newDescription,
  ...props
}: Omit<FormDialogProps, 'trigger' | 'title' | 'description' | 'submitLabel' | 'hidden'> & {
  noun: string;
  /** The record edited, as a person names it (and the dialog's title, if not "Edit <noun>"); absent to create one. */
  editing?: { id: number; label: string; title?: string };
  /** What a new one is, under the title of the create dialog. */
  newDescription: ReactNode;
}) {
  return (
    <FormDialog
      {...props}
      trigger={editing ? { label: 'Edit', ariaLabel: `Edit ${editing.label}`, variant: 'ghost', size: 'sm' } : { label: `New ${noun}` }}
      title={editing ? (editing.title ?? `Edit ${noun}`) : `New ${noun}`}
      description={editing ? undefined : newDescription}
      submitLabel={editing ? 'Save changes' : `Create ${noun}`}
      hidden={editing ? { id: String(editing.id) } : undefined}
    />
  );
}

const NO_FIELDS: readonly string[] = [];

/**
 * A button that asks before doing something that cannot be taken back (delete, revoke,
 * disable): a FormDialog with no fields. The server's refusal (the default location, a
 * location holding stock, the last admin) is shown in the dialog, which stays open.
 */
export function ConfirmDialog({
  trigger,
  confirmLabel,
  tone = 'danger',
  children,
  ...props
}: Omit<FormDialogProps, 'submitLabel' | 'submitVariant' | 'fieldNames' | 'children' | 'trigger'> & {
  trigger: TriggerProps;
  confirmLabel: ReactNode;
  tone?: 'danger' | 'primary';
  /** More to say before the buttons (what is kept, what to check first). */
  children?: ReactNode;
}) {
  return (
    <FormDialog {...props} trigger={{ variant: 'ghost', size: 'sm', ...trigger }} submitLabel={confirmLabel} submitVariant={tone} fieldNames={NO_FIELDS}>
      {() => (children ? <div className="space-y-2 text-sm text-slate-600">{children}</div> : null)}
    </FormDialog>
  );
}
