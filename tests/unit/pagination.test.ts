import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageQuerySchema, toPage } from '@/lib/pagination';
import { isAppError } from '@/lib/errors';
import { parseMovementBatch } from '@/lib/inventory/movement-schemas';

describe('pagination', () => {
  it('round-trips cursors and refuses foreign ones', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    for (const bad of ['garbage', encodeCursor(42).slice(0, -2), Buffer.from('{"id":-1}').toString('base64url')]) expect(decodeCursor(bad)).toBeUndefined();
    expect(pageQuerySchema.safeParse({ cursor: 'garbage' }).success).toBe(false);
    for (const id of [0, 1.5, '7', null]) expect(decodeCursor(Buffer.from(JSON.stringify({ id })).toString('base64url'))).toBeUndefined();
    expect(pageQuerySchema.parse({ cursor: encodeCursor(7) }).cursor).toBe(7);
    expect(pageQuerySchema.parse({ cursor: '' }).cursor).toBeUndefined();
  });

  it('defaults and bounds limit', () => {
    expect(pageQuerySchema.parse({}).limit).toBe(50);
    expect(pageQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
  });

  it('names the next page only when there is one', () => {
    const rows = [1, 2, 3].map((id) => ({ id }));
    expect(toPage(rows, 3).nextCursor).toBeNull();
    const page = toPage(rows, 2);
    expect(page.data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(decodeCursor(page.nextCursor ?? '')).toBe(2);
    expect(toPage([], 50)).toEqual({ data: [], nextCursor: null });
  });
});

describe('field errors', () => {
  it('key problems of row 3 of a batch as "3.quantity", every row at once', () => {
    const movements: unknown[] = Array.from({ length: 4 }, () => ({ productId: 1, type: 'SHIPMENT', quantity: 1 }));
    movements[1] = { productId: 1, type: 'TELEPORT', quantity: 1 };
    movements[3] = { productId: 1, type: 'SHIPMENT', quantity: -2 };
    expect.assertions(2);
    try {
      parseMovementBatch(movements);
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
      expect(isAppError(error) && error.details.fieldErrors).toEqual({
        '1.type': 'Type must be one of RECEIPT, SHIPMENT, ADJUSTMENT, TRANSFER, COUNT',
        '3.quantity': 'Quantity must be greater than 0',
      });
    }
  });
});
