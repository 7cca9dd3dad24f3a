import { z } from 'zod';
import type { Webhook, WebhookDelivery, NotificationEvent } from '@/lib/db/generated/sqlite/client';
import { optionalTextSchema } from '@/lib/inventory/schema-parts';
import { recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';
import { refuseDestinationUrl } from './destination';
import { DELIVERY_STATUSES, EVENT_TYPES, WEBHOOK_FORMATS, type DeliveryStatus, type EventType, type WebhookFormat } from './event-types';

const urlSchema = z
  .string({ message: 'url is required' })
  .trim()
  .min(1, 'url is required')
  .max(2000, 'The URL must be at most 2000 characters')
  .superRefine((url, context) => {
    const refusal = refuseDestinationUrl(url);
    if (refusal) context.addIssue({ code: 'custom', message: refusal });
  });

const eventsSchema = z
  .array(z.enum(EVENT_TYPES, { message: `Each event must be one of ${EVENT_TYPES.join(', ')}` }), { message: `events must be a list of ${EVENT_TYPES.join(', ')}` })
  .min(1, 'Choose at least one event')
  .transform((events) => [...new Set(events)]);

export const createWebhookSchema = z.strictObject({
  url: urlSchema,
  events: eventsSchema,
  format: z.enum(WEBHOOK_FORMATS, { message: 'format must be standard or slack' }).default('standard'),
  description: optionalTextSchema('Description', 200),
});

export const updateWebhookSchema = z
  .strictObject({
    url: urlSchema.optional(),
    events: eventsSchema.optional(),
    active: z.boolean({ message: 'active must be true or false' }).optional(),
    description: optionalTextSchema('Description', 200).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: 'Send at least one of url, events, active, description' });

export type CreateWebhookInput = z.output<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;

export const webhookSchema = z
  .object({
    id: recordIdSchema,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(EVENT_TYPES)),
    format: z.enum(WEBHOOK_FORMATS),
    active: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Webhook' });

export const newWebhookSchema = webhookSchema
  .extend({ secret: z.string().describe('whsec_...: shown this once; verify signatures with it') })
  .meta({ id: 'NewWebhook' });

export const webhookDeliverySchema = z
  .object({
    id: recordIdSchema,
    eventId: z.string().describe('The webhook-id header: the same on every attempt'),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int().nonnegative(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: timestampSchema.nullable().describe('When the next attempt is due; null once SUCCEEDED or FAILED'),
    createdAt: timestampSchema,
  })
  .meta({ id: 'WebhookDelivery' });

export type WebhookResponse = z.output<typeof webhookSchema>;
export type WebhookDeliveryResponse = z.output<typeof webhookDeliverySchema>;

export function presentWebhook(webhook: Webhook): WebhookResponse {
  return {
    id: webhook.id,
    url: webhook.url,
    description: webhook.description,
    events: JSON.parse(webhook.events) as EventType[],
    format: webhook.format as WebhookFormat,
    active: webhook.active,
    createdAt: webhook.createdAt.toISOString(),
    updatedAt: webhook.updatedAt.toISOString(),
  };
}

export function presentDelivery(delivery: WebhookDelivery & { event: Pick<NotificationEvent, 'type'> }): WebhookDeliveryResponse {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.event.type,
    status: delivery.status as DeliveryStatus,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.status === 'PENDING' ? new Date(Number(delivery.nextAttemptAtMs)).toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
  };
}
