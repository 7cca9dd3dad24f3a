import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

/**
 * The suites run with PASSWORD_HASH_COST=4 (vitest.config.mts): new hashes carry that cost,
 * and a hash made at the production cost of 11 (an account from before, or another server)
 * still verifies, since bcrypt reads the cost from the hash.
 */
describe('password hashes at the configured cost', () => {
  it('hashes at PASSWORD_HASH_COST and verifies hashes of any cost', async () => {
    expect(process.env.PASSWORD_HASH_COST).toBe('4');
    const hash = await hashPassword('correct horse battery');
    expect(bcrypt.getRounds(hash)).toBe(4);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);

    const older = await bcrypt.hash('made at eleven', 11);
    expect(await verifyPassword('made at eleven', older)).toBe(true);
    expect(await verifyPassword('made at twelve', older)).toBe(false);
  });

  it('compares an unknown account against a decoy of the same cost, and says no', async () => {
    expect(await verifyPassword('anything at all', undefined)).toBe(false);
    expect(await verifyPassword('', undefined)).toBe(false);
  });
});
