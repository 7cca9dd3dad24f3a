import { AppError } from '@/lib/errors';
import { hashIdempotentRequest, type IdempotencyRequest } from '@/lib/inventory/idempotency';

/** Reads `Idempotency-Key` (1-255 printable characters) into the domain's request, if sent. */
export function idempotencyFromRequest(request: Request, userId: number, body: unknown): IdempotencyRequest | undefined {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
      fieldErrors: { 'Idempotency-Key': 'Must be 1 to 255 printable ASCII characters' },
    });
  }
  const path = new URL(request.url).pathname;
  return { userId, key, requestHash: hashIdempotentRequest({ method: request.method, path, body }) };
}
