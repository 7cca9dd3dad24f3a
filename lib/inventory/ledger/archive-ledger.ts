import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import type { Transaction } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { validationFailed } from '@/lib/errors';
import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { addDays, isShopDay, shopToday, startOfShopDay } from '@/lib/time/shop-day';
import { claimIdempotencyKeys, findStoredAnswer, idempotencySlot, storeIdempotentAnswers, type IdempotencyRequest } from '../idempotency';

/** Rows per batch: each batch is one short transaction, so the server answers between them. */
export const ARCHIVE_BATCH_SIZE = 5_000;

export const archiveLedgerInputSchema = z.object({
  before: z.string().refine(isShopDay, { message: 'Use a day written YYYY-MM-DD' }),
});

export const archiveLedgerResultSchema = z
  .object({
    archived: z.number().int().min(0).describe('Movements moved to the archive by this request'),
    checkpoints: z.number().int().min(0).describe('Stock levels whose checkpoint this request wrote or moved forward'),
    before: z.string().describe('The day asked for: movements created before its start (shop time zone) are archived'),
  })
  .meta({ id: 'LedgerArchiveResult' });

export type ArchiveLedgerResult = z.output<typeof archiveLedgerResultSchema>;

export interface ArchiveLedgerAnswer {
  answer: ArchiveLedgerResult;
  /** The answer stored for this Idempotency-Key by an earlier request: nothing was run again. */
  replayed: boolean;
}

export interface ArchiveLedgerOptions {
  /** A day in the shop's time zone: movements created before its start are archived. At most tomorrow. */
  before: string;
  actorId: number | null;
  batchSize?: number;
  now?: Date;
  idempotency?: IdempotencyRequest;
  /** Tests only: runs after each committed batch; throwing there stops the run as a killed process would. */
  afterBatch?: (batch: { runId: number; archived: number }) => Promise<void> | void;
}

type Count = number | bigint;

const MOVEMENT_COLUMNS = Prisma.raw(`"id", "product_id", "location_id", "type", "quantity", "balance_after", "unit_cost_cents", "reason", "reference", "transfer_id", "created_by_id", "created_at", "average_cost_micro_cents"`);

/**
 * Moves one batch, the oldest `batchSize` live movements created before the cut, into the
 * archive. In the same transaction, each stock level the batch touches gets its checkpoint for
 * this run (inserted, or moved forward by a later batch): the balance and average cost after
 * the level's last archived row. So after every commit, a level's on-hand is its latest
 * checkpoint plus its live rows, and a process killed between batches loses nothing.
 */
async function archiveBatch(tx: Transaction, runId: number, cut: Date, batchSize: number): Promise<number> {
  // A write first (SQLite: a transaction that reads first cannot upgrade safely).
  await tx.$executeRaw`UPDATE "ledger_archive_runs" SET "archived" = "archived" WHERE "id" = ${runId}`;
  const [bound] = await tx.$queryRaw<Array<{ last: Count | null }>>`
    SELECT MAX("id") AS "last" FROM (SELECT "id" FROM "stock_movements" WHERE "created_at" < ${cut} ORDER BY "id" LIMIT ${batchSize}) batch`;
  if (bound?.last === null || bound?.last === undefined) return 0;
  const last = Number(bound.last);
  await tx.$executeRaw`
    INSERT INTO "ledger_checkpoints" ("run_id", "product_id", "location_id", "balance", "average_cost_micro_cents", "cut_at", "through_movement_id", "through_created_at")
    SELECT r."id", m."product_id", m."location_id", m."balance_after", m."average_cost_micro_cents", r."cut_at", m."id", m."created_at"
      FROM "stock_movements" m
      JOIN "ledger_archive_runs" r ON r."id" = ${runId}
     WHERE m."id" IN (SELECT MAX("id") FROM "stock_movements" WHERE "id" <= ${last} AND "created_at" < ${cut} GROUP BY "product_id", "location_id")
    ON CONFLICT ("run_id", "product_id", "location_id") DO UPDATE SET
       "balance" = excluded."balance", "average_cost_micro_cents" = excluded."average_cost_micro_cents",
       "through_movement_id" = excluded."through_movement_id", "through_created_at" = excluded."through_created_at"`;
  await tx.$executeRaw`
    INSERT INTO "stock_movements_archive" (${MOVEMENT_COLUMNS}) SELECT ${MOVEMENT_COLUMNS} FROM "stock_movements" WHERE "id" <= ${last} AND "created_at" < ${cut}`;
  // The ledger's DELETE trigger lets each row go only because its identical copy is now archived.
  const archived = await tx.$executeRaw`DELETE FROM "stock_movements" WHERE "id" <= ${last} AND "created_at" < ${cut}`;
  await tx.$executeRaw`UPDATE "ledger_archive_runs" SET "archived" = "archived" + ${archived} WHERE "id" = ${runId}`;
  return archived;
}

/** The instant movements are archived before: the start of `before` in the shop's zone; at most tomorrow. */
export async function archiveCut(before: string, now = new Date()): Promise<Date> {
  const { timezone } = await getShopSettings();
  const latest = addDays(shopToday(timezone, now), 1);
  if (!isShopDay(before)) throw validationFailed({ before: 'Use a day written YYYY-MM-DD' });
  if (before > latest) throw validationFailed({ before: `Must be ${latest} (tomorrow) or earlier` }, 'The archive can only take movements already posted.');
  return startOfShopDay(before, timezone);
}

/**
 * Archives every movement created before the start of `before` (shop's time zone), batch by
 * batch, each batch one transaction (see archiveBatch). Resumable: a run stopped half-way
 * leaves every row in exactly one table, and the next run with the same day finishes the job;
 * running again when it is done archives nothing more. Every run is audited: when it starts,
 * and with its counts when it ends.
 */
export async function archiveLedger({ before, actorId, batchSize = ARCHIVE_BATCH_SIZE, now = new Date(), afterBatch, idempotency }: ArchiveLedgerOptions): Promise<ArchiveLedgerAnswer> {
  if (idempotency) {
    const stored = await findStoredAnswer(idempotency);
    if (stored) return { answer: stored.body as ArchiveLedgerResult, replayed: true };
  }
  const cut = await archiveCut(before, now);
  const run = await writeTransaction(async (tx) => {
    const created = await tx.ledgerArchiveRun.create({ data: { beforeDay: before, cutAt: cut, createdById: actorId, startedAt: new Date() } });
    await recordAudit(tx, { actorId, action: 'CREATE', entity: 'LedgerArchiveRun', entityId: created.id, after: { before, cutAt: cut.toISOString() } });
    return created;
  });

  let archived = 0;
  for (;;) {
    const moved = await writeTransaction((tx) => archiveBatch(tx, run.id, cut, batchSize));
    if (moved === 0) break;
    archived += moved;
    await afterBatch?.({ runId: run.id, archived });
    // better-sqlite3 answers synchronously, so back-to-back batches would be one unbroken chain
    // of promise callbacks: the process would serve no request until the run ended (measured:
    // /api/health waited 305 s). Yielding to the event loop between batches lets it answer.
    await new Promise((resolve) => setImmediate(resolve));
  }

  return writeTransaction(async (tx) => {
    const finishedAt = new Date();
    await tx.$executeRaw`
      UPDATE "ledger_archive_runs"
         SET "archived" = ${archived}, "finished_at" = ${finishedAt},
             "checkpoints" = (SELECT COUNT(*) FROM "ledger_checkpoints" WHERE "run_id" = ${run.id})
       WHERE "id" = ${run.id}`;
    const { checkpoints } = await tx.ledgerArchiveRun.findUniqueOrThrow({ where: { id: run.id }, select: { checkpoints: true } });
    const answer = { archived, checkpoints, before };
    // The key is claimed only now: the run spans many transactions. A second request with the
    // same key that raced this one ran too, and archived nothing more (archiving is idempotent
    // per day); whichever finishes first stores its answer.
    if (idempotency) {
      const claimed = (await claimIdempotencyKeys(tx, [idempotency], finishedAt)).get(idempotencySlot(idempotency));
      if (claimed !== undefined) await storeIdempotentAnswers(tx, [{ recordId: claimed, answer: { status: 200, body: answer } }]);
    }
    await recordAudit(tx, {
      actorId,
      action: 'UPDATE',
      entity: 'LedgerArchiveRun',
      entityId: run.id,
      before: { archived: 0, checkpoints: 0, finishedAt: null },
      after: { archived, checkpoints, finishedAt: finishedAt.toISOString() },
    });
    return { answer, replayed: false };
  });
}
