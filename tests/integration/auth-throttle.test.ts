import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-throttle';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { isAppError } from '@/lib/errors';
import { runWorker, sumTallies } from './fixtures/run-worker';
import { createTestUser, unique } from './helpers';
import { callRoute } from './http/api';

/**
 * Sign-in throttling (API.md, "Accounts, tokens and sign-in throttling"), on this file's real
 * database: counted before the password is checked, so a burst cannot overtake the count, in
 * the database, so several processes share it, and keyed so that a stranger's failures do not
 * lock the owner out.
 */

async function attempt(email: string, password: string, client: string): Promise<string> {
  try {
    await signInWithPassword({ email, password, client });
    return 'OK';
  } catch (error) {
    return isAppError(error) ? error.code : `UNEXPECTED ${String(error)}`;
  }
}

function count(outcomes: string[]): Record<string, number> {
  return outcomes.reduce<Record<string, number>>((tally, outcome) => ({ ...tally, [outcome]: (tally[outcome] ?? 0) + 1 }), {});
}

describe('sign-in throttling', () => {
  it('30 wrong passwords for one email sent at the same instant to POST /api/tokens: 5 answers of 401, the rest 429 with Retry-After', async () => {
    const { user } = await createTestUser({ role: 'VIEWER' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => callRoute('POST', '/api/tokens', { json: { email: user.email, password: 'not-the-password', name: 'burst' } })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(count(statuses.map(String))).toEqual({ 401: 5, 429: 25 });
    for (const answer of answers.filter((each) => each.status === 429)) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      expect(await answer.json()).toMatchObject({ code: 'RATE_LIMITED' });
    }
  });

  it('the same across two OS processes sharing the database: 5 wrong passwords checked in all', async () => {
    const { user } = await createTestUser({ role: 'VIEWER' });
    const env = { EMAIL: user.email, PASSWORD: 'not-the-password', CLIENT: '127.0.0.9', ATTEMPTS: '15', START_AT: String(Date.now() + 6_000) };
    const total = sumTallies(await Promise.all([runWorker('sign-in-worker.ts', env), runWorker('sign-in-worker.ts', env)]));
    expect(total).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 25 });
  }, 60_000);

  it("someone else's 5 failures from another address do not stop the owner's correct password", async () => {
    const { user, password } = await createTestUser({ role: 'CLERK' });
    const stranger = await Promise.all(Array.from({ length: 5 }, () => attempt(user.email, 'guess-guess-guess', '203.0.113.7')));
    expect(stranger).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(await attempt(user.email, password, '198.51.100.20')).toBe('OK');
    // The guesser's own address is stopped, whatever it sends next.
    expect(await attempt(user.email, password, '203.0.113.7')).toBe('RATE_LIMITED');
  });

  it('one client gets 30 failures whatever the emails; the 31st attempt is refused', async () => {
    const client = unique('client');
    const outcomes: string[] = [];
    for (let index = 0; index < SIGN_IN_LIMITS.client + 1; index += 1) outcomes.push(await attempt(`${unique('nobody')}@test.local`, 'wrong-password', client));
    expect(outcomes.slice(0, 30)).toEqual(Array(30).fill('UNAUTHENTICATED'));
    expect(outcomes[30]).toBe('RATE_LIMITED');
  }, 120_000);

  it('one email gets 50 failures over all addresses; then even the right password is refused until the window ends', async () => {
    const { user, password } = await createTestUser({ role: 'VIEWER' });
    const spread = await Promise.all(Array.from({ length: SIGN_IN_LIMITS.email }, (_, index) => attempt(user.email, 'wrong-password', `10.0.${index}.1`)));
    expect(spread).toEqual(Array(50).fill('UNAUTHENTICATED'));
    expect(await attempt(user.email, password, '10.99.0.1')).toBe('RATE_LIMITED');
  }, 120_000);

  it('a right password gives its point back and forgives that client its earlier failures for the email', async () => {
    const { user, password } = await createTestUser({ role: 'VIEWER' });
    const client = unique('client');
    for (let round = 0; round < 3; round += 1) {
      expect(await Promise.all(Array.from({ length: 4 }, () => attempt(user.email, 'wrong-password', client)))).toEqual(Array(4).fill('UNAUTHENTICATED'));
      expect(await attempt(user.email, password, client)).toBe('OK');
    }
  });
});
