'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { FormButtons } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, FormAlert } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import type { FormState } from '@/lib/forms/form-state';

type CreateTokenState = FormState | { status: 'created'; message: string; token: { id: number; name: string; secret: string } };
type CreateTokenAction = (state: CreateTokenState, formData: FormData) => Promise<CreateTokenState>;

const idle: CreateTokenState = { status: 'idle' };

/**
 * Creates an API token: a name first, then the secret, shown this once with a copy button.
 * Closing the dialog forgets the secret: it leaves the page at once, before the dialog has
 * faded out and its content unmounted; only its hash is stored.
 */
export function CreateTokenDialog({ action }: { action: CreateTokenAction }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(false);
  const close = () => {
    setOpen(false);
    setShown(false);
  };
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Create token
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={shown ? 'Copy your new token' : 'Create an API token'}
        description={shown ? undefined : 'Scripts and integrations send it as “Authorization: Bearer <token>”. A write token acts as you, with your role; a read token only reads.'}
        size="xl"
      >
        <CreateTokenContent action={action} open={open} onCreated={() => setShown(true)} onClose={close} />
      </Dialog>
    </>
  );
}

function CreateTokenContent({ action, open, onCreated, onClose }: { action: CreateTokenAction; open: boolean; onCreated: () => void; onClose: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: CreateTokenState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.status === 'created') {
      toast.success(next.message);
      onCreated();
    }
    return next;
  }, idle);

  useEffect(() => {
    if (state.status !== 'error') return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [state]);

  if (state.status === 'created') return <TokenSecret name={state.token.name} secret={open ? state.token.secret : '•'.repeat(state.token.secret.length)} onDone={onClose} />;

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const placed = ['name', 'scope', 'expiresInDays', 'password'].some((field) => errors[field]);
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4" key={JSON.stringify([values, errors])}>
      {state.status === 'error' && !placed && <FormAlert>{state.message}</FormAlert>}
      <Field
        label="Token name"
        name="name"
        required
        maxLength={100}
        autoComplete="off"
        placeholder="e.g. Shop till, Nightly backup"
        hint="So you can tell your tokens apart later."
        defaultValue={values.name}
        error={errors.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Access"
          name="scope"
          defaultValue={values.scope || 'write'}
          error={errors.scope}
          options={[
            { value: 'write', label: 'Read and write (your role)' },
            { value: 'read', label: 'Read only' },
          ]}
        />
        <Select
          label="Expires after"
          name="expiresInDays"
          defaultValue={values.expiresInDays || '90'}
          error={errors.expiresInDays}
          options={[
            { value: '7', label: '7 days' },
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
            { value: '180', label: '180 days' },
            { value: '365', label: '1 year' },
          ]}
        />
      </div>
      <Field
        label="Your password"
        name="password"
        type="password"
        required
        autoComplete="current-password"
        hint="A token outlives this session, so making one needs your password."
        error={errors.password}
      />
      <FormButtons submitLabel="Create token" pending={pending} onCancel={onClose} />
    </form>
  );
}

function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const secretRef = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): select it for Ctrl+C.
      secretRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="space-y-4">
      <div role="alert" className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
        <svg viewBox="0 0 24 24" className="mt-0.5 h-5 w-5 shrink-0 text-amber-600" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
        </svg>
        <p>
          This is the only time the token <strong className="font-semibold">“{name}”</strong> is shown. Copy it now and keep it somewhere safe: Stockroom stores only a
          fingerprint of it. If it is lost, revoke it and create another.
        </p>
      </div>
      <div>
        <label htmlFor="new-token-secret" className="block text-sm font-medium text-slate-700">
          Your new API token
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-start">
          <textarea
            ref={secretRef}
            id="new-token-secret"
            readOnly
            rows={2}
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className="block w-full min-w-0 resize-none break-all rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm leading-6 text-slate-900 field-sizing-content focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 sm:flex-1"
          />
          <Button type="button" variant="secondary" onClick={copy} className="shrink-0">
            <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M9 9h10v12H9zM5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
            </svg>
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p className="mt-1 min-h-5 text-sm text-slate-600" aria-live="polite">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the token is selected, press Ctrl+C (⌘C on a Mac).' : ''}
        </p>
      </div>
      <div className="flex justify-end">
        <Button type="button" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
