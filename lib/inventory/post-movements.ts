import { AppError } from '@/lib/errors';
import { submitPosting, type PostingResult } from './group-commit';
import { purgeExpiredIdempotencyKeys, type IdempotencyRequest } from './idempotency';
import type { MovementInput } from './movement-schemas';

export type { PostMovementsAnswer } from './write-movement-group';

export interface PostMovementsOptions {
  movements: MovementInput[];
  actorId: number;
  /** true for the batch endpoint: field errors are keyed by row ("3.quantity"). */
  batch?: boolean;
  idempotency?: IdempotencyRequest;
}

/**
 * Posts stock movements to the ledger, all or none: the one way stock changes, for the API,
 * the batch endpoint and the UI's stock dialogs alike. The request joins the group-commit
 * queue (./group-commit.ts): requests arriving while a write transaction runs are written
 * together in the next one, each planned in arrival order against the running balances and
 * each answered on its own (its rows and balances, or its own refusal: 409 for insufficient
 * stock, 404 for a missing product or location, 400 for a broken rule, having written
 * nothing). With an idempotency key the first answer is stored in the same transaction and
 * replayed for repeats.
 */
export async function postMovements({ movements, actorId, batch = false, idempotency }: PostMovementsOptions): Promise<PostingResult> {
  if (movements.length === 0) throw new AppError('VALIDATION_FAILED', 'Send at least one movement.', { fieldErrors: { movements: 'Send at least one movement' } });
  if (idempotency) await purgeExpiredIdempotencyKeys();
  return submitPosting({ movements, actorId, batch, idempotency });
}
