import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { bulkCreateProducts } from '@/lib/inventory/bulk-create-products';
import { MAX_BATCH_MOVEMENTS, movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { createWebhook } from '@/lib/notify/create-webhook';
import { createWebhookSchema } from '@/lib/notify/webhook-schemas';
import { makeUser, tag } from './catalog-fixtures';

/**
 * The outbox of the widest batch: 1000 movements, each a `stock_movement.created` event for
 * every subscribed webhook. With one bound parameter per cell, 14 webhooks made 56,000
 * delivery parameters in one INSERT, past the 32,766 SQLite binds (PostgreSQL's 65,535 fell
 * at 17): the whole batch failed with a 500. The rows now travel as one JSON parameter.
 */
const WEBHOOKS = 14;

describe('the outbox of a batch as wide as the limit', () => {
  it('records 1000 events and a delivery of each to every one of 14 webhooks, in the batch transaction', { timeout: 120_000 }, async () => {
    const actorId = await makeUser('ADMIN');
    const prefix = tag('HOOK').toUpperCase();
    for (let index = 0; index < WEBHOOKS; index += 1) {
      await createWebhook({ actorId, input: createWebhookSchema.parse({ url: `https://hooks.example.com/${prefix}/${index}`, events: ['stock_movement.created'] }) });
    }
    const products = await bulkCreateProducts({ actorId, products: Array.from({ length: MAX_BATCH_MOVEMENTS }, (_, index) => ({ sku: `${prefix}-${index}`, name: `Hooked ${index}`, price: '1.00' })) });

    const posted = await postMovements({ actorId, batch: true, movements: products.map((product) => movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 3, unitCost: '1.00' })) });
    expect(posted.answer.data).toHaveLength(MAX_BATCH_MOVEMENTS);

    const events = await db().notificationEvent.findMany({ where: { type: 'stock_movement.created' }, select: { id: true, payload: true } });
    expect(events).toHaveLength(MAX_BATCH_MOVEMENTS);
    const ids = new Set((JSON.parse(`[${events.map((event) => event.payload).join(',')}]`) as Array<{ id: number }>).map((movement) => movement.id));
    expect(ids).toEqual(new Set(posted.answer.data.map((movement) => movement.id)));
    expect(await db().webhookDelivery.count({ where: { status: 'PENDING', attempts: 0 } })).toBe(MAX_BATCH_MOVEMENTS * WEBHOOKS);
  });
});
