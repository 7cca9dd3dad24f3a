import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { environment } from '@/lib/env';
import { logger } from '@/lib/logger';

/** The lowest work factor that still makes guessing expensive; PASSWORD_HASH_COST may go lower for test suites only. */
const SAFE_COST = 10;

let decoyHash: Promise<string> | undefined;

function hashCost(): number {
  return environment().PASSWORD_HASH_COST;
}

/**
 * A hash of a random string at this process's cost, compared against when the email is
 * unknown, so that the answer takes as long as for a real account and timing says nothing.
 */
function decoy(): Promise<string> {
  if (decoyHash === undefined) {
    const cost = hashCost();
    if (cost < SAFE_COST) logger().warn({ cost }, `PASSWORD_HASH_COST is ${cost}: passwords are cheap to guess; use it for test suites only`);
    decoyHash = bcrypt.hash(randomBytes(18).toString('base64'), cost);
  }
  return decoyHash;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, hashCost());
}

/** bcrypt reads the cost from each stored hash, so hashes made at another cost still verify. */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? (await decoy()));
}
