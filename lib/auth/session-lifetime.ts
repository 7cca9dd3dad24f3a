import type { Session } from 'next-auth';

/**
 * A session lives a working day from its sign-in, however often it is refreshed; roles and the
 * disabled flag are re-read on every request (lib/auth/actor.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;

export function withinLifetime(signedInAt: unknown, now: number): boolean {
  return typeof signedInAt === 'number' && signedInAt <= now && now - signedInAt < SESSION_MAX_AGE_MS;
}

/** The session signed in under the user's current version, less than 12 hours ago. */
export function sessionIsCurrent(session: Pick<Session, 'sessionVersion' | 'signedInAt'>, currentVersion: number, now = Date.now()): boolean {
  return session.sessionVersion === currentVersion && withinLifetime(session.signedInAt, now);
}
