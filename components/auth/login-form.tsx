'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleFormState, type FormState } from '@/lib/form-state';

export function LoginForm({ action, callbackUrl }: { action: (state: FormState, formData: FormData) => Promise<FormState>; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.status === 'error' && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </div>
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.status === 'error' ? state.values?.email : undefined}
        error={fieldErrors.email}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
