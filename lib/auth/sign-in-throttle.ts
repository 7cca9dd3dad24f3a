import { createHash } from 'node:crypto';
import { db, type Transaction } from '@/lib/db/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError } from '@/lib/errors';

/**
 * Sign-in and token-exchange attempts, counted in the database under three keys:
 * - the email from this client: 5, the limit that stops a guesser;
 * - the client, whatever the email: 30, so one client cannot try many accounts;
 * - the email, from every client: 50, a ceiling for guessing spread over many addresses.
 * An attempt reserves a point on each key BEFORE its password is checked, in one short
 * transaction, so a burst sent at one instant cannot overtake the count; a correct password
 * gives its points back (and forgives this client's failures for that email). An attempt that
 * finds a key used up counts nowhere: someone else's blocked tries from another address never
 * eat into the owner's allowance. Windows are fixed: a key's count starts again 15 minutes
 * after its first attempt.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export const SIGN_IN_LIMITS = { emailAndClient: 5, client: 30, email: 50 } as const;

type KeyKind = keyof typeof SIGN_IN_LIMITS;

interface ReservedKey {
  kind: KeyKind;
  key: string;
  resetAtMs: bigint;
}

/** What a reserved attempt holds, to be given back when the password was right. */
export interface SignInReservation {
  keys: ReservedKey[];
}

/** Keys are hashes: the table never holds the emails people typed. */
function keyOf(kind: KeyKind, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('base64url')}`;
}

function keysFor({ email, client }: { email: string; client: string }): Array<{ kind: KeyKind; key: string }> {
  return [
    { kind: 'emailAndClient', key: keyOf('emailAndClient', `${email}\n${client}`) },
    { kind: 'client', key: keyOf('client', client) },
    { kind: 'email', key: keyOf('email', email) },
  ];
}

/**
 * One atomic statement per key: a new key or a finished window starts at 1, a running window
 * counts up. The row stays locked (PostgreSQL) or the database write-locked (SQLite) until the
 * transaction ends, so concurrent attempts on the same key are counted one after another.
 */
async function countAttempt(tx: Transaction, key: string, nowMs: bigint): Promise<{ attempts: number; resetAtMs: bigint }> {
  const resetAtMs = nowMs + BigInt(SIGN_IN_WINDOW_MS);
  const rows = await tx.$queryRaw<Array<{ attempts: number | bigint; reset_at_ms: number | bigint }>>`
    INSERT INTO "sign_in_throttles" ("key", "attempts", "reset_at_ms") VALUES (${key}, 1, ${resetAtMs})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "sign_in_throttles"."reset_at_ms" <= ${nowMs} THEN 1 ELSE "sign_in_throttles"."attempts" + 1 END,
      "reset_at_ms" = CASE WHEN "sign_in_throttles"."reset_at_ms" <= ${nowMs} THEN ${resetAtMs} ELSE "sign_in_throttles"."reset_at_ms" END
    RETURNING "attempts", "reset_at_ms"`;
  const row = rows[0];
  if (!row) throw new Error('The throttle upsert returned no row');
  return { attempts: Number(row.attempts), resetAtMs: BigInt(row.reset_at_ms) };
}

/**
 * Reserves one attempt for this email from this client, or throws RATE_LIMITED (nothing
 * counted) with the seconds until the blocking window ends. Keys are always taken in the same
 * order, so concurrent reservations on PostgreSQL cannot deadlock.
 */
export async function reserveSignInAttempt({ email, client, now = new Date() }: { email: string; client: string; now?: Date }): Promise<SignInReservation> {
  const nowMs = BigInt(now.getTime());
  const reservation = await writeTransaction(async (tx) => {
    const keys: ReservedKey[] = [];
    for (const { kind, key } of keysFor({ email, client })) {
      const { attempts, resetAtMs } = await countAttempt(tx, key, nowMs);
      if (attempts > SIGN_IN_LIMITS[kind]) {
        // Thrown inside the transaction: it rolls back, so this attempt is counted nowhere.
        throw new AppError('RATE_LIMITED', 'Too many failed attempts. Please wait before trying again.', {
          retryAfterSeconds: Math.max(1, Math.ceil(Number(resetAtMs - nowMs) / 1000)),
        });
      }
      keys.push({ kind, key, resetAtMs });
    }
    return { keys };
  });
  await forgetFinishedWindows(nowMs);
  return reservation;
}

/**
 * The password was right: the attempt's points go back, and this client's earlier failures
 * for this email are forgiven. A window that has ended since the reservation is left alone.
 */
export async function refundSignInAttempt(reservation: SignInReservation): Promise<void> {
  await writeTransaction(async (tx) => {
    for (const { kind, key, resetAtMs } of reservation.keys) {
      if (kind === 'emailAndClient') {
        await tx.$executeRaw`DELETE FROM "sign_in_throttles" WHERE "key" = ${key}`;
      } else {
        await tx.$executeRaw`UPDATE "sign_in_throttles" SET "attempts" = "attempts" - 1 WHERE "key" = ${key} AND "reset_at_ms" = ${resetAtMs} AND "attempts" > 0`;
      }
    }
  });
}

const CLEANUP_INTERVAL_MS = 60_000;
let lastCleanupMs = 0;

/** Rows of finished windows are dead weight: at most once a minute per process, they go. */
async function forgetFinishedWindows(nowMs: bigint): Promise<void> {
  if (Number(nowMs) - lastCleanupMs < CLEANUP_INTERVAL_MS) return;
  lastCleanupMs = Number(nowMs);
  try {
    await db().$executeRaw`DELETE FROM "sign_in_throttles" WHERE "reset_at_ms" <= ${nowMs}`;
  } catch (error) {
    // Tidying is not worth failing a sign-in over; the next minute tries again.
    console.error('[auth] Could not delete finished sign-in windows', error);
  }
}
