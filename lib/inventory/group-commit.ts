import { writeFileSync } from 'node:fs';
import { databaseEngine } from '@/lib/db/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, isAppError } from '@/lib/errors';
import { findStoredAnswer, keyReusedForAnotherRequest } from './idempotency';
import { MAX_BATCH_MOVEMENTS } from './movement-schemas';
import { writeMovementGroup, type PostMovementsAnswer, type PostingOutcome, type PostingRequest } from './write-movement-group';

/**
 * The group-commit queue of the ledger's posting use case. Requests that arrive while a group
 * is being written wait here; when the transaction ends, the next one takes all of them (at
 * most 64 requests and 1000 movements) and posts them together (writeMovementGroup), each with
 * its own outcome. On SQLite one group is written at a time per process (the database has one
 * writer, and Prisma's adapter queues a process's transactions behind one mutex anyway); on
 * PostgreSQL a few groups run at once on the pool, their row locks taken in one global order.
 *
 * A group that meets a busy database is retried whole by writeTransaction (and answered 503
 * when that fails); a group that fails for any other reason (a bug) is posted again one
 * request at a time, so that only the request that trips it gets the error.
 */

const MAX_GROUP_REQUESTS = 64;
const POSTGRES_CONCURRENT_GROUPS = 4;

export interface PostingResult {
  answer: PostMovementsAnswer;
  replayed: boolean;
}

interface Waiting {
  request: PostingRequest;
  resolve: (result: PostingResult) => void;
  reject: (error: unknown) => void;
}

interface QueueState {
  waiting: Waiting[];
  running: number;
  /** A startGroups is due on the next turn of the event loop. */
  scheduled: boolean;
  /** groupSizes[n]: how many groups of n requests this process has written. */
  groupSizes: number[];
}

// Kept on globalThis, like the database client: route bundles and server actions of one
// process must share one queue.
const globalForQueue = globalThis as unknown as { stockroomPostingQueue?: QueueState };
const queue = (globalForQueue.stockroomPostingQueue ??= { waiting: [], running: 0, scheduled: false, groupSizes: [] });

/** Posts one request through the queue: resolves with its own answer or rejects with its own error. */
export function submitPosting(request: PostingRequest): Promise<PostingResult> {
  return new Promise((resolve, reject) => {
    queue.waiting.push({ request, resolve, reject });
    pump();
  });
}

/**
 * Starts groups while there are free slots, one event-loop turn after being asked. better-sqlite3
 * is synchronous, so a whole SQLite transaction runs within one turn of the event loop and no
 * request can reach the queue while it runs: without this turn every group would be a group of
 * one. Waiting for it lets the requests whose bodies have already arrived (I/O callbacks of the
 * same turn) join the group first; an idle server pays a few microseconds.
 */
function pump(): void {
  if (queue.scheduled) return;
  queue.scheduled = true;
  setImmediate(startGroups);
}

function startGroups(): void {
  queue.scheduled = false;
  const limit = databaseEngine() === 'postgresql' ? POSTGRES_CONCURRENT_GROUPS : 1;
  while (queue.running < limit && queue.waiting.length > 0) {
    const group = takeGroup();
    queue.running += 1;
    void runGroup(group).finally(() => {
      queue.running -= 1;
      pump();
    });
  }
}

function takeGroup(): Waiting[] {
  let movements = 0;
  let count = 0;
  while (count < queue.waiting.length && count < MAX_GROUP_REQUESTS) {
    const next = queue.waiting[count]!.request.movements.length;
    if (count > 0 && movements + next > MAX_BATCH_MOVEMENTS) break;
    movements += next;
    count += 1;
  }
  return queue.waiting.splice(0, count);
}

async function runGroup(group: Waiting[]): Promise<void> {
  let outcomes: PostingOutcome[];
  // Set once the group's statements have all run: a failure after that (at COMMIT, or the
  // connection lost before its answer) may have committed, so re-posting one by one could
  // post every movement twice. Only a failure inside the statements is a bug worth isolating.
  let statementsDone = false;
  try {
    outcomes = await writeTransaction(async (tx) => {
      statementsDone = false;
      const written = await writeMovementGroup(tx, group.map((waiting) => waiting.request));
      statementsDone = true;
      return written;
    });
  } catch (error) {
    if (group.length > 1 && !isAppError(error) && !statementsDone) {
      for (const waiting of group) await runGroup([waiting]);
      return;
    }
    for (const waiting of group) waiting.reject(error);
    return;
  }
  countGroup(group.length);
  try {
    queue.waiting.unshift(...answerGroup(group, outcomes));
  } catch (error) {
    // A bug while handing out answers must not leave the rest of the group waiting forever;
    // a waiter already answered ignores this.
    for (const waiting of group) waiting.reject(error);
  }
}

/** Settles each request of a committed group with its own outcome; returns those to try again. */
function answerGroup(group: Waiting[], outcomes: PostingOutcome[]): Waiting[] {
  const retry: Waiting[] = [];
  group.forEach((waiting, index) => {
    const outcome = outcomes[index]!;
    switch (outcome.kind) {
      case 'posted':
        return waiting.resolve({ answer: outcome.answer, replayed: false });
      case 'refused':
        return waiting.reject(outcome.error);
      case 'key-taken':
        return void answerFromStore(waiting);
      case 'same-key': {
        const leader = outcomes[outcome.leader]!;
        if (leader.kind === 'key-taken') return void answerFromStore(waiting);
        // The leader wrote nothing and gave its key back: this request is tried on its own merits.
        if (leader.kind === 'refused') return retry.push(waiting);
        if (leader.kind !== 'posted') throw new Error('A request of a group followed a request that itself followed another.');
        if (group[outcome.leader]!.request.idempotency!.requestHash !== waiting.request.idempotency!.requestHash) {
          return waiting.reject(keyReusedForAnotherRequest());
        }
        return waiting.resolve({ answer: leader.answer, replayed: true });
      }
    }
  });
  return retry;
}

/** A key claimed by an earlier transaction: its stored answer (or 409 if it was for another request). */
async function answerFromStore(waiting: Waiting): Promise<void> {
  try {
    const stored = await findStoredAnswer(waiting.request.idempotency!);
    if (!stored) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed.');
    waiting.resolve({ answer: stored.body as PostMovementsAnswer, replayed: true });
  } catch (error) {
    waiting.reject(error);
  }
}

/**
 * Group sizes for `npm run bench:ledger`: when STOCKROOM_GROUP_SIZES_FILE names a file, the
 * process keeps it up to date (at most every half second) with how many groups of each size it
 * wrote.
 */
const sizesFile = process.env.STOCKROOM_GROUP_SIZES_FILE;
let sizesTimer: NodeJS.Timeout | undefined;

function countGroup(size: number): void {
  if (!sizesFile) return;
  queue.groupSizes[size] = (queue.groupSizes[size] ?? 0) + 1;
  sizesTimer ??= setTimeout(() => {
    sizesTimer = undefined;
    writeFileSync(sizesFile, JSON.stringify(queue.groupSizes.map((count) => count ?? 0)));
  }, 500).unref();
}
