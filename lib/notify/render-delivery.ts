import { productUrl } from './app-url';
import { TEST_EVENT_TYPE, type WebhookFormat } from './event-types';
import { signWebhook } from './sign-webhook';

export interface StoredEvent {
  id: string;
  type: string;
  /** The event's data as stored: JSON text. */
  payload: string;
  createdAt: Date;
}

interface AlertData {
  alert?: { onHandAtTrigger?: number; reorderLevel?: number };
  product?: { id: number; sku: string; name: string; onHand?: number } | null;
}

interface MovementData {
  id?: number;
  productId?: number;
  type?: string;
  quantity?: number;
  balanceAfter?: number;
}

/**
 * The request of one delivery attempt. `standard`: `{ type, timestamp, data }` with the
 * Standard Webhooks headers, signed with the webhook's secret at the attempt's timestamp; the
 * body and `webhook-id` are the same on every attempt. `slack`: Slack's `{ text }`, unsigned.
 */
export function renderDelivery({ event, format, secret, now }: { event: StoredEvent; format: WebhookFormat; secret: string; now: Date }): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Stockroom-Webhooks/1' };
  if (format === 'slack') return { headers, body: JSON.stringify({ text: slackText(event) }) };
  const body = `{"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(event.createdAt.toISOString())},"data":${event.payload}}`;
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    headers: { ...headers, 'webhook-id': event.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook({ secret, id: event.id, timestamp, body }) },
    body,
  };
}

/** Slack reads `&`, `<` and `>` as markup: text from the shop is escaped. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function productLink(product: NonNullable<AlertData['product']>): string {
  return `<${productUrl(product.id)}|${escapeSlack(`${product.sku} ${product.name}`)}>`;
}

export function slackText(event: StoredEvent): string {
  const data = JSON.parse(event.payload) as unknown;
  switch (event.type) {
    case 'alert.opened': {
      const { alert, product } = data as AlertData;
      if (!product) return ':warning: Low stock on a product.';
      return `:warning: Low stock: ${productLink(product)} has ${alert?.onHandAtTrigger ?? product.onHand} on hand, below its reorder level of ${alert?.reorderLevel}.`;
    }
    case 'alert.resolved': {
      const { product } = data as AlertData;
      if (!product) return ':white_check_mark: A low-stock alert resolved.';
      return `:white_check_mark: Back above its reorder level: ${productLink(product)} (${product.onHand} on hand).`;
    }
    case 'stock_movement.created': {
      const movement = data as MovementData;
      return `Stock movement #${movement.id}: ${movement.type} of ${movement.quantity} for product #${movement.productId}, ${movement.balanceAfter} left at its location.`;
    }
    case 'purchase_order.received': {
      const order = data as { number?: string; purchaseOrder?: { number?: string } };
      return `:package: Purchase order ${escapeSlack(order.number ?? order.purchaseOrder?.number ?? '')} received.`.replace('  ', ' ');
    }
    case TEST_EVENT_TYPE:
      return 'Stockroom test event: this webhook works.';
    default:
      return `Stockroom event ${escapeSlack(event.type)}.`;
  }
}
