/** The events a webhook may subscribe to (API.md, "Webhooks and notifications"). */
export const EVENT_TYPES = ['alert.opened', 'alert.resolved', 'stock_movement.created', 'purchase_order.received'] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by "send a test event" to one webhook only; no one subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const WEBHOOK_FORMATS = ['standard', 'slack'] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
