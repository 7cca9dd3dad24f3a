'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

export function LoginForm({ action, callbackUrl }: { action: (state: FormState, formData: FormData) => Promise<FormState>; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  // A missing field is said beside it; the banner is for what no single field explains.
  const banner = state.status === 'error' && Object.keys(fieldErrors).length === 0 ? state.message : undefined;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {banner && (
        <div role="alert" className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-700">
          <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          <span>{banner}</span>
        </div>
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        required
        defaultValue={state.status === 'error' ? state.values?.email : undefined}
        error={fieldErrors.email}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" size="lg" pending={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
