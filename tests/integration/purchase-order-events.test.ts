import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { formatOrderNumber } from '@/lib/inventory/purchasing/present-purchase-order';
import { receivePurchaseOrderSchema } from '@/lib/inventory/purchasing/purchase-order-schemas';
import { receivePurchaseOrder } from '@/lib/inventory/purchasing/receive-purchase-order';
import { createWebhook } from '@/lib/notify/create-webhook';
import { createWebhookSchema } from '@/lib/notify/webhook-schemas';
import { expectAppError, makeUser, newProduct } from './catalog-fixtures';
import { newSupplier, orderedOrder } from './purchasing-fixtures';

/** `purchase_order.received` is recorded in the receipt's own transaction: once per receipt, never for a refused one. */
describe('purchase_order.received', () => {
  it('is recorded with the order and its movements when goods are received, and not when the receipt is refused', async () => {
    const admin = await makeUser('ADMIN');
    await createWebhook({ actorId: admin, input: createWebhookSchema.parse({ url: 'https://hooks.example.com/stockroom', events: ['purchase_order.received'] }) });
    const supplier = await newSupplier();
    const product = await newProduct({ cost: '2.00' });
    const order = await orderedOrder(admin, supplier, [{ productId: product.id, quantity: 5, unitCost: '2.50' }]);
    const lineId = order.lines[0]!.id;
    const events = () => db().notificationEvent.findMany({ where: { type: 'purchase_order.received' }, orderBy: { createdAt: 'asc' } });

    await receivePurchaseOrder({ id: order.id, actorId: admin, input: receivePurchaseOrderSchema.parse({ lines: [{ lineId, quantity: 3 }] }) });
    const [recorded, ...others] = await events();
    expect(others).toEqual([]);
    const payload = JSON.parse(recorded!.payload) as { purchaseOrder: { number: string; status: string }; movements: Array<{ quantity: number; reference: string }> };
    expect(payload.purchaseOrder).toMatchObject({ number: formatOrderNumber(order.number), status: 'PARTIALLY_RECEIVED' });
    expect(payload.movements).toMatchObject([{ quantity: 3, reference: formatOrderNumber(order.number) }]);
    expect(await db().webhookDelivery.count({ where: { eventId: recorded!.id } })).toBe(1);

    await expectAppError(receivePurchaseOrder({ id: order.id, actorId: admin, input: receivePurchaseOrderSchema.parse({ lines: [{ lineId, quantity: 3 }] }) }), 'CONFLICT');
    expect(await events()).toHaveLength(1);
  });
});
