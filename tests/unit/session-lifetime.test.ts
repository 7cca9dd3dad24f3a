import { describe, expect, it } from 'vitest';
import { sessionIsCurrent } from '@/lib/auth/session-lifetime';

const HOUR = 60 * 60 * 1000;
const now = Date.parse('2026-12-07T12:00:00Z');
const session = (fields: { sessionVersion?: number; signedInAt?: number }) => fields;

describe('a session', () => {
  it('holds while signed in under the current version, less than 12 hours ago, however often refreshed', () => {
    expect(sessionIsCurrent(session({ sessionVersion: 3, signedInAt: now - 11.9 * HOUR }), 3, now)).toBe(true);
  });

  it('ends 12 hours after sign-in', () => {
    expect(sessionIsCurrent(session({ sessionVersion: 3, signedInAt: now - 12 * HOUR }), 3, now)).toBe(false);
  });

  it('ends when the user\'s version moved on (password changed, signed out everywhere, disabled)', () => {
    expect(sessionIsCurrent(session({ sessionVersion: 2, signedInAt: now - HOUR }), 3, now)).toBe(false);
  });

  it('is refused without a version or sign-in time (a cookie from before sessions carried them) or from the future', () => {
    expect(sessionIsCurrent(session({ signedInAt: now - HOUR }), 0, now)).toBe(false);
    expect(sessionIsCurrent(session({ sessionVersion: 0 }), 0, now)).toBe(false);
    expect(sessionIsCurrent(session({ sessionVersion: 0, signedInAt: now + HOUR }), 0, now)).toBe(false);
  });
});
