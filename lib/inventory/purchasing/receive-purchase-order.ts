import type { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, type FieldErrors } from '@/lib/errors';
import { recordEvents } from '@/lib/notify/record-events';
import { claimIdempotencyKeys, findStoredAnswer, idempotencySlot, purgeExpiredIdempotencyKeys, storeIdempotentAnswers, type IdempotencyRequest } from '../idempotency';
import type { MovementInput } from '../movement-schemas';
import { writeMovementGroup } from '../write-movement-group';
import { changeOnOrder, lockPurchaseOrder } from './lock-purchase-order';
import { formatOrderNumber, presentPurchaseOrder, purchaseOrderInclude, type receivedAnswerSchema } from './present-purchase-order';
import type { ReceivePurchaseOrderInput } from './purchase-order-schemas';

export type ReceivedAnswer = z.output<typeof receivedAnswerSchema>;

export interface ReceiveResult {
  answer: ReceivedAnswer;
  replayed: boolean;
}

/**
 * Receives goods against an ORDERED or PARTIALLY_RECEIVED order, all lines or none, in one
 * transaction: the lines' received quantities, one RECEIPT movement per line posted through
 * the ledger's own posting (writeMovementGroup: the same locks, balances, moving average and
 * alert reconciliation as any movement) at the order's location with the order's number as
 * reference and the line's unit cost, the links from those movements to the order, the
 * products' units on order, the order's status, the audit row, and the `purchase_order.received`
 * event for webhooks (lib/notify/record-events.ts; nothing is written while no one listens).
 *
 * More than a line's remainder is a 409 that writes nothing. The order's row is locked first
 * (lockPurchaseOrder), so two clerks receiving the same line at once are served one after the
 * other and the second sees what the first received; the line's UPDATE is guarded too, and a
 * CHECK in the database refuses received > ordered even if this code were wrong.
 *
 * With an Idempotency-Key the key is claimed inside the transaction and the answer stored
 * beside the receipt; a repeat of the same request answers the first result again.
 */
export async function receivePurchaseOrder({ id, input, actorId, idempotency }: { id: number; input: ReceivePurchaseOrderInput; actorId: number; idempotency?: IdempotencyRequest }): Promise<ReceiveResult> {
  if (idempotency) await purgeExpiredIdempotencyKeys();
  const outcome = await writeTransaction(async (tx): Promise<ReceiveResult | 'key-taken'> => {
    const now = new Date();
    let recordId: number | undefined;
    if (idempotency) {
      recordId = (await claimIdempotencyKeys(tx, [idempotency], now)).get(idempotencySlot(idempotency));
      if (recordId === undefined) return 'key-taken';
    }
    const before = await lockPurchaseOrder(tx, { id, allowed: ['ORDERED', 'PARTIALLY_RECEIVED'], doing: 'receive against' });
    const number = formatOrderNumber(before.number);
    const linesById = new Map(before.lines.map((line) => [line.id, line]));

    const unknown: FieldErrors = {};
    const over: FieldErrors = {};
    input.lines.forEach(({ lineId, quantity }, index) => {
      const line = linesById.get(lineId);
      if (!line) unknown[`lines.${index}.lineId`] = `Not a line of ${number}`;
      else if (quantity > line.quantity - line.receivedQuantity) over[`lines.${index}.quantity`] = `Only ${line.quantity - line.receivedQuantity} left to receive`;
    });
    if (Object.keys(unknown).length > 0) throw new AppError('VALIDATION_FAILED', `Some lines are not on ${number}.`, { fieldErrors: unknown });
    if (Object.keys(over).length > 0) throw new AppError('CONFLICT', `That is more than ${number} still expects.`, { fieldErrors: over });

    for (const { lineId, quantity } of input.lines) {
      const updated = await tx.$executeRaw`
        UPDATE "purchase_order_lines" SET "received_quantity" = "received_quantity" + ${quantity}
         WHERE "id" = ${lineId} AND "purchase_order_id" = ${id} AND "received_quantity" + ${quantity} <= "quantity"`;
      if (updated !== 1) throw new Error(`Purchase order line ${lineId} changed under its order's lock.`);
    }

    const movements: MovementInput[] = input.lines.map(({ lineId, quantity }) => ({
      productId: linesById.get(lineId)!.productId,
      type: 'RECEIPT',
      quantity,
      locationId: before.locationId,
      unitCost: linesById.get(lineId)!.unitCostCents,
      reason: null,
      reference: number,
    }));
    const [posting] = await writeMovementGroup(tx, [{ movements, actorId, batch: true }]);
    if (posting?.kind === 'refused') throw posting.error;
    if (posting?.kind !== 'posted') throw new Error('The ledger did not post the receipt.');
    const rows = posting.answer.data;
    await tx.purchaseOrderReceipt.createMany({
      data: rows.map((row, index) => ({ movementId: row.id, purchaseOrderId: id, purchaseOrderLineId: input.lines[index]!.lineId })),
    });
    await changeOnOrder(tx, movements.map((movement) => ({ productId: movement.productId!, delta: -movement.quantity })));

    const lines = await tx.purchaseOrderLine.findMany({ where: { purchaseOrderId: id }, select: { quantity: true, receivedQuantity: true } });
    const complete = lines.every((line) => line.receivedQuantity === line.quantity);
    const after = await tx.purchaseOrder.update({
      where: { id },
      data: complete ? { status: 'RECEIVED', closedAt: now } : { status: 'PARTIALLY_RECEIVED' },
      include: purchaseOrderInclude,
    });
    const purchaseOrder = presentPurchaseOrder(after);
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'PurchaseOrder', entityId: id, before: presentPurchaseOrder(before), after: purchaseOrder });
    const answer: ReceivedAnswer = { purchaseOrder, movements: rows };
    await recordEvents(tx, [{ type: 'purchase_order.received', data: answer }], { now });
    if (recordId !== undefined) await storeIdempotentAnswers(tx, [{ recordId, answer: { status: 201, body: answer } }]);
    return { answer, replayed: false };
  });
  if (outcome !== 'key-taken') return outcome;
  const stored = await findStoredAnswer(idempotency!);
  if (!stored) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed.');
  return { answer: stored.body as ReceivedAnswer, replayed: true };
}
