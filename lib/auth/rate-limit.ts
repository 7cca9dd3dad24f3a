import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

/**
 * Failed sign-ins and token exchanges, counted per email and per client address. Only
 * failures count: a person who types the right password is never slowed down. The counts
 * live in this process's memory, which suits the single-server deployments Stockroom
 * targets; several servers would want a shared store (rate-limiter-flexible has them).
 */
const WINDOW_SECONDS = 15 * 60;

const failuresByEmail = new RateLimiterMemory({ keyPrefix: 'login-email', points: 5, duration: WINDOW_SECONDS });
const failuresByClient = new RateLimiterMemory({ keyPrefix: 'login-client', points: 30, duration: WINDOW_SECONDS });

export interface LoginAttemptKey {
  email: string;
  client: string;
}

/** Throws RATE_LIMITED with the seconds to wait when either counter is used up. */
export async function assertLoginAllowed({ email, client }: LoginAttemptKey): Promise<void> {
  const [byEmail, byClient] = await Promise.all([failuresByEmail.get(email), failuresByClient.get(client)]);
  const blocked = [
    { res: byEmail, limit: 5 },
    { res: byClient, limit: 30 },
  ].filter(({ res, limit }) => res !== null && res.consumedPoints >= limit);
  if (blocked.length > 0) {
    const waitMs = Math.max(...blocked.map(({ res }) => (res as RateLimiterRes).msBeforeNext));
    throw new AppError('RATE_LIMITED', 'Too many failed attempts. Please wait before trying again.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}

export async function recordLoginFailure({ email, client }: LoginAttemptKey): Promise<void> {
  await Promise.all([
    failuresByEmail.penalty(email, 1).catch(() => undefined),
    failuresByClient.penalty(client, 1).catch(() => undefined),
  ]);
}

export async function clearLoginFailures({ email }: Pick<LoginAttemptKey, 'email'>): Promise<void> {
  await failuresByEmail.delete(email);
}

/** The client address as the nearest proxy reports it; a fixed key when there is none. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'direct';
}
