'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/actor';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { createWebhook } from '@/lib/notify/create-webhook';
import { deleteWebhook } from '@/lib/notify/delete-webhook';
import { retryWebhookDelivery } from '@/lib/notify/retry-webhook-delivery';
import { sendTestEvent } from '@/lib/notify/send-test-event';
import { updateWebhook } from '@/lib/notify/update-webhook';
import { createWebhookSchema, updateWebhookSchema } from '@/lib/notify/webhook-schemas';
import { nudgeInProcessWorker } from '@/lib/notify/worker';

/** What adding a webhook answers: its signing secret, this once, or the usual form state. */
export type CreateWebhookState = FormState | { status: 'created'; message: string; webhook: { id: number; url: string; secret: string } };

const PAGE = '/settings/webhooks';
const idsSchema = z.object({ id: idParamSchema, deliveryId: idParamSchema.optional() });

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

function idsOf(formData: FormData) {
  return idsSchema.safeParse({ id: formData.get('id'), deliveryId: formData.get('deliveryId') ?? undefined });
}

const GONE: FormState = { status: 'error', message: 'This webhook no longer exists. Reload the page.', fieldErrors: {} };

export async function createWebhookAction(_previous: CreateWebhookState, formData: FormData): Promise<CreateWebhookState> {
  const events = formData.getAll('events').filter((value): value is string => typeof value === 'string');
  const values = { url: textOf(formData, 'url'), description: textOf(formData, 'description'), format: textOf(formData, 'format'), events: events.join(',') };
  try {
    const actor = await authorizeAction('users:manage');
    const parsed = createWebhookSchema.safeParse({ url: values.url, description: values.description, format: values.format || undefined, events });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const webhook = await createWebhook({ input: parsed.data, actorId: actor.id });
    revalidatePath(PAGE);
    return { status: 'created', message: 'Webhook added.', webhook: { id: webhook.id, url: webhook.url, secret: webhook.secret } };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function sendTestEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('users:manage');
    const ids = idsOf(formData);
    if (!ids.success) return GONE;
    await sendTestEvent({ webhookId: ids.data.id, actorId: actor.id });
    nudgeInProcessWorker();
    revalidatePath(PAGE);
    return { status: 'success', message: 'Test event queued: see it in the delivery log.' };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function setWebhookActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('users:manage');
    const ids = idsOf(formData);
    if (!ids.success) return GONE;
    const input = updateWebhookSchema.parse({ active: formData.get('active') === 'true' });
    const webhook = await updateWebhook({ id: ids.data.id, input, actorId: actor.id });
    if (webhook.active) nudgeInProcessWorker();
    revalidatePath(PAGE);
    return { status: 'success', message: webhook.active ? 'Webhook resumed: waiting deliveries go out now.' : 'Webhook paused: events wait until you resume it.' };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function deleteWebhookAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('users:manage');
    const ids = idsOf(formData);
    if (!ids.success) return GONE;
    await deleteWebhook({ id: ids.data.id, actorId: actor.id });
    revalidatePath(PAGE);
    return { status: 'success', message: 'Webhook deleted.' };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function retryDeliveryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await authorizeAction('users:manage');
    const ids = idsOf(formData);
    if (!ids.success || ids.data.deliveryId === undefined) return GONE;
    await retryWebhookDelivery({ webhookId: ids.data.id, deliveryId: ids.data.deliveryId });
    nudgeInProcessWorker();
    revalidatePath(PAGE);
    return { status: 'success', message: 'Delivery queued again.' };
  } catch (error) {
    return formStateFromError(error);
  }
}
