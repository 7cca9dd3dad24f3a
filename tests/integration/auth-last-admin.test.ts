import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { runWorker, sumTallies } from './fixtures/run-worker';
import { createTestUser } from './helpers';

/**
 * The last enabled ADMIN can never be demoted or disabled, also when several admins are
 * demoted at the same moment from two server processes: the check and the change are decided
 * one transaction after another (admin rows locked on PostgreSQL, the write lock on SQLite).
 * This file holds this one test: no other admin in its database may soften the count.
 */
describe('the last-admin guard under concurrency', () => {
  it('four admins demoted at once from two processes: three are, the fourth is refused with 409, one enabled admin remains', async () => {
    const admins = await Promise.all(Array.from({ length: 4 }, () => createTestUser({ role: 'ADMIN' })));
    const ids = admins.map(({ user }) => user.id);
    const startAt = String(Date.now() + 6_000);
    const total = sumTallies(
      await Promise.all([
        runWorker('demote-worker.ts', { USER_IDS: ids.slice(0, 2).join(','), START_AT: startAt }),
        runWorker('demote-worker.ts', { USER_IDS: ids.slice(2).join(','), START_AT: startAt }),
      ]),
    );
    expect(total).toEqual({ OK: 3, CONFLICT: 1 });
    expect(await db().user.count({ where: { role: 'ADMIN', disabled: false } })).toBe(1);
  }, 60_000);
});
