'use client';

import { useActionState, useEffect, useEffectEvent, useRef } from 'react';
import { idleFormState } from '@/lib/form-state';
import type { ProductAction, ProductActionState } from './types';

type Success = Extract<ProductActionState, { status: 'success' }>;

/**
 * useActionState for the product forms, with what each of them needs:
 * - the server action itself is given to React, so a form posted before the page has
 *   hydrated (a slow phone) still reaches the server and comes back with its answer;
 * - `fieldsKey` changes when the answer's values or errors do: used as a React key, it
 *   re-mounts the fields so that every input (a select too, whose defaultValue React applies
 *   only on mount) starts from the values just sent, which is also what React's reset of the
 *   form after an action returns them to;
 * - `onSuccess` runs once per success (a stock dialog's toast and close; the product forms
 *   redirect from the server instead);
 * - after a refusal, focus moves to the first field marked invalid (or to the message above
 *   the form), so that a keyboard or screen-reader user lands on it and hears the error
 *   (each field's error is tied to it with aria-describedby).
 */
export function useProductAction(action: ProductAction, onSuccess?: (state: Success) => void) {
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

/** The messages that no visible field shows, for the banner above a form; null when every error sits beside its field. */
export function unplacedErrors(state: ProductActionState, fields: readonly string[]): string[] | null {
  if (state.status !== 'error') return null;
  const entries = Object.entries(state.fieldErrors);
  const placed = entries.filter(([key]) => fields.includes(key));
  const others = entries.filter(([key]) => !fields.includes(key)).map(([, message]) => message);
  if (placed.length > 0 && others.length === 0) return null;
  return [state.message, ...others.filter((message) => message !== state.message)];
}
