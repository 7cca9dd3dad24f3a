'use client';

import { useActionState, useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { toast } from 'sonner';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { Button, type ButtonProps } from './button';
import { FormAlert } from './field';

/** A server action posted by a form: the shared FormState in, the next one out. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

type Success = Extract<FormState, { status: 'success' }>;

/** What a form's fields need from the last answer: errors per field and the values typed. */
export interface FormView {
  errors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * useActionState for every form posted to a server action, with what each of them needs:
 * - the server action itself is given to React, so a form posted before the page has
 *   hydrated (a slow phone) still reaches the server and comes back with its answer;
 * - `fieldsKey` changes when the answer's values or errors do: used as a React key, it
 *   re-mounts the fields so that every input (a select too, whose defaultValue React applies
 *   only on mount) starts from the values just sent, which is also what React's reset of the
 *   form after an action returns them to;
 * - `onSuccess` runs once per success (a dialog's toast and close; forms that redirect from
 *   the server need none);
 * - after a refusal, focus moves to the first field marked invalid (or to the message above
 *   the form), so that a keyboard or screen-reader user lands on it and hears the error
 *   (each field's error is tied to it with aria-describedby).
 */
export function useFormAction(action: FormAction, onSuccess?: (state: Success) => void) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const succeeded = useEffectEvent((success: Success) => onSuccess?.(success));

  useEffect(() => {
    if (state.status === 'success') {
      succeeded(state);
      return;
    }
    if (state.status !== 'error') return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [state]);

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const fieldsKey = state.status === 'error' ? JSON.stringify([values, errors]) : state.status;
  return { state, formAction, pending, formRef, errors, values, fieldsKey };
}

/**
 * A form that is only a button (dismiss, run now): no fields to mark, so every answer,
 * success or refusal, is said in a toast.
 */
export function useToastAction(action: FormAction) {
  return useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.status === 'success') toast.success(next.message);
    else if (next.status === 'error') toast.error(next.message);
    return next;
  }, idleFormState);
}

/** The messages that no visible field shows, for the banner above a form; null when every error sits beside its field. */
export function unplacedErrors(state: FormState, fields: readonly string[]): string[] | null {
  if (state.status !== 'error') return null;
  const entries = Object.entries(state.fieldErrors);
  const placed = entries.filter(([key]) => fields.includes(key));
  const others = entries.filter(([key]) => !fields.includes(key) && key !== '_').map(([, message]) => message);
  if (placed.length > 0 && others.length === 0) return null;
  return [...new Set([state.message, ...others])];
}

/** The banner of unplaced errors, one line each. */
export function ErrorBanner({ messages, id }: { messages: string[] | null; id?: string }) {
  if (!messages) return null;
  return (
    <FormAlert id={id}>
      {messages.map((message) => (
        <span key={message} className="block">
          {message}
        </span>
      ))}
    </FormAlert>
  );
}

/** Cancel and submit at the foot of a form: stacked full width on phones, primary on top. */
export function FormButtons({ submitLabel, submitVariant = 'primary', pending, onCancel }: { submitLabel: ReactNode; submitVariant?: ButtonProps['variant']; pending: boolean; onCancel?: () => void }) {
  return (
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
  );
}

/**
 * A form posted to a server action, for a dialog or on its own: hidden inputs, the banner for
 * errors no field shows, the fields (re-mounted with the typed values after each refusal) and
 * the buttons. While it runs the submit button shows a spinner and cannot be pressed again.
 */
export function ActionForm({
  action,
  hidden,
  fieldNames,
  submitLabel,
  submitVariant,
  onCancel,
  onSuccess,
  children,
}: {
  action: FormAction;
  /** Hidden inputs sent with the form, such as the id being edited. */
  hidden?: Record<string, string>;
  /** The fields shown; an error for any other key is shown above the form instead. */
  fieldNames: readonly string[];
  submitLabel: ReactNode;
  submitVariant?: ButtonProps['variant'];
  onCancel?: () => void;
  onSuccess?: (state: Success) => void;
  children: (view: FormView) => ReactNode;
}) {
  const { state, formAction, pending, formRef, errors, values, fieldsKey } = useFormAction(action, onSuccess);
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <ErrorBanner messages={unplacedErrors(state, fieldNames)} />
      <div key={fieldsKey} className="space-y-4">
        {children({ errors, values })}
      </div>
      <FormButtons submitLabel={submitLabel} submitVariant={submitVariant} pending={pending} onCancel={onCancel} />
    </form>
  );
}
