'use client';

import { useActionState, useRef, useState } from 'react';
import { toast } from 'sonner';
import { FormButtons, useToastAction, type FormAction } from '@/components/ui/action-form';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, FormAlert } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import type { FormState } from '@/lib/forms/form-state';

type CreateWebhookState = FormState | { status: 'created'; message: string; webhook: { id: number; url: string; secret: string } };
type CreateWebhookAction = (state: CreateWebhookState, formData: FormData) => Promise<CreateWebhookState>;

const EVENT_CHOICES = [
  { value: 'alert.opened', label: 'Low-stock alert opened' },
  { value: 'alert.resolved', label: 'Low-stock alert resolved' },
  { value: 'stock_movement.created', label: 'Stock movement posted' },
  { value: 'purchase_order.received', label: 'Purchase order received' },
] as const;

const idle: CreateWebhookState = { status: 'idle' };

/**
 * Adds a webhook: the URL, events and format first, then its signing secret, shown this once
 * (stored encrypted; it is never shown again). Closing the dialog forgets it.
 */
export function AddWebhookDialog({ action }: { action: CreateWebhookAction }) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const close = () => {
    setOpen(false);
    setRound((value) => value + 1);
  };
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        Add webhook
      </Button>
      <Dialog open={open} onClose={close} title="Add a webhook" description="Stockroom POSTs each chosen event to this URL, signed, and retries until it answers 2xx." size="xl">
        <AddWebhookContent key={round} action={action} onClose={close} />
      </Dialog>
    </>
  );
}

function AddWebhookContent({ action, onClose }: { action: CreateWebhookAction; onClose: () => void }) {
  const [state, formAction, pending] = useActionState(async (previous: CreateWebhookState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.status === 'created') toast.success(next.message);
    return next;
  }, idle);

  if (state.status === 'created') return <WebhookSecret url={state.webhook.url} secret={state.webhook.secret} onDone={onClose} />;

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const chosen = new Set((values.events ?? 'alert.opened').split(','));
  const placed = ['url', 'events', 'format', 'description'].some((field) => Object.keys(errors).some((key) => key === field || key.startsWith(`${field}.`)));
  const eventsError = Object.entries(errors).find(([key]) => key === 'events' || key.startsWith('events.'))?.[1];
  return (
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify([values, errors])}>
      {state.status === 'error' && !placed && <FormAlert>{state.message}</FormAlert>}
      <Field label="URL" name="url" type="url" required placeholder="https://example.com/hooks/stockroom" hint="https, on a public address." defaultValue={values.url} error={errors.url} autoComplete="off" />
      <fieldset aria-describedby={eventsError ? 'webhook-events-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {EVENT_CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm text-slate-700 has-checked:border-brand-300 has-checked:bg-brand-50/50">
              <input type="checkbox" name="events" value={choice.value} defaultChecked={chosen.has(choice.value)} className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-brand-600" />
              <span>
                {choice.label}
                <span className="block font-mono text-xs text-slate-500">{choice.value}</span>
              </span>
            </label>
          ))}
        </div>
        {eventsError && (
          <p id="webhook-events-error" className="mt-1 text-sm text-red-700">
            {eventsError}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Format"
          name="format"
          defaultValue={values.format || 'standard'}
          error={errors.format}
          options={[
            { value: 'standard', label: 'Standard Webhooks (signed JSON)' },
            { value: 'slack', label: 'Slack incoming webhook' },
          ]}
        />
        <Field label="Description" name="description" optional maxLength={200} placeholder="e.g. Warehouse system" defaultValue={values.description} error={errors.description} />
      </div>
      <FormButtons submitLabel="Add webhook" pending={pending} onCancel={onClose} />
    </form>
  );
}

function WebhookSecret({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const secretRef = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      secretRef.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="space-y-4">
      <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
        This is the only time the signing secret of <strong className="break-all font-semibold">{url}</strong> is shown. Give it to the receiver: it checks the{' '}
        <code className="font-mono text-xs">webhook-signature</code> header with it. Slack webhooks need none.
      </div>
      <div>
        <label htmlFor="new-webhook-secret" className="block text-sm font-medium text-slate-700">
          Signing secret
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-start">
          <textarea
            ref={secretRef}
            id="new-webhook-secret"
            readOnly
            rows={2}
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className="block w-full min-w-0 resize-none break-all rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm leading-6 text-slate-900 field-sizing-content focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 sm:flex-1"
          />
          <Button type="button" variant="secondary" onClick={copy} className="shrink-0">
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p className="mt-1 min-h-5 text-sm text-slate-600" aria-live="polite">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the secret is selected, press Ctrl+C (⌘C on a Mac).' : ''}
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

/** A button posting hidden fields to a server action; a toast says how it went. */
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  variant = 'secondary',
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  variant?: ButtonProps['variant'];
}) {
  const [, formAction, pending] = useToastAction(action);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size="sm" pending={pending} aria-label={ariaLabel}>
        {label}
      </Button>
    </form>
  );
}
