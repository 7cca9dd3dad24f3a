'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { Button, type ButtonProps } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/form-state';
import { Modal } from './modal';

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** What a form's fields need from the last answer: errors per field and the values typed. */
export interface FormView {
  errors: Record<string, string>;
  values: Record<string, string>;
}

export interface TriggerProps {
  label: ReactNode;
  /** The accessible name when the visible label is short or an icon ("Edit" → "Edit Acme"). */
  ariaLabel?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  className?: string;
}

/**
 * A button that opens a dialog holding a form posted to a server action. While it runs the
 * submit button shows a spinner; field errors from the server appear beside their inputs,
 * with the typed values kept; on success a toast says so and the dialog closes.
 */
export function FormDialog({
  trigger,
  title,
  description,
  submitLabel,
  action,
  hidden,
  fieldNames,
  children,
}: {
  trigger: TriggerProps;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  action: FormAction;
  /** Hidden inputs sent with the form, such as the id being edited. */
  hidden?: Record<string, string>;
  /** The fields shown; an error for any other key is shown above the form instead. */
  fieldNames: string[];
  children: (view: FormView) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant={trigger.variant ?? 'primary'} size={trigger.size ?? 'md'} className={trigger.className} aria-label={trigger.ariaLabel} onClick={() => setOpen(true)}>
        {trigger.label}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={title} description={description}>
        <ActionForm action={action} hidden={hidden} fieldNames={fieldNames} submitLabel={submitLabel} onCancel={() => setOpen(false)} onSuccess={() => setOpen(false)}>
          {children}
        </ActionForm>
      </Modal>
    </>
  );
}

type Tracked = FormState & { attempt?: number };
const idleTracked: Tracked = idleFormState;

/** The form inside a dialog; also usable on its own. */
export function ActionForm({
  action,
  hidden,
  fieldNames,
  submitLabel,
  submitVariant = 'primary',
  onCancel,
  onSuccess,
  children,
}: {
  action: FormAction;
  hidden?: Record<string, string>;
  fieldNames: string[];
  submitLabel: string;
  submitVariant?: ButtonProps['variant'];
  onCancel?: () => void;
  onSuccess?: (state: Extract<FormState, { status: 'success' }>) => void;
  children: (view: FormView) => ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  // `attempt` re-mounts the fields after each answer, so that every kind of input (a select
  // too, whose defaultValue React applies only on mount) shows the values just sent.
  const [state, formAction, pending] = useActionState(async (previous: Tracked, formData: FormData): Promise<Tracked> => {
    const next = await action(previous, formData);
    if (next.status === 'success') {
      toast.success(next.message);
      onSuccess?.(next);
    }
    return { ...next, attempt: (previous.attempt ?? 0) + 1 };
  }, idleTracked);

  // After a refusal, take the keyboard (and the screen reader, which reads the field's label
  // and its error through aria-describedby) to the first field that needs attention.
  useEffect(() => {
    if (state.status !== 'error') return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [state]);

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const inlineOnly = Object.keys(errors).some((key) => fieldNames.includes(key)) && Object.keys(errors).every((key) => fieldNames.includes(key));

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {state.status === 'error' && !inlineOnly && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
          {Object.entries(errors)
            .filter(([key]) => fieldNames.length > 0 && !fieldNames.includes(key))
            .map(([key, message]) => (key === '_' || message === state.message ? null : <span key={key} className="block">{message}</span>))}
        </div>
      )}
      <div key={state.attempt ?? 0} className="space-y-4">
        {children({ errors, values })}
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant={submitVariant} pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
