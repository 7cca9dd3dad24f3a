import { randomUUID } from 'node:crypto';
import { createUser } from '@/lib/auth/create-user';
import type { Role } from '@/lib/auth/roles';
import { createUserSchema } from '@/lib/auth/schemas';
import { databaseEngine, type Database } from '@/lib/db/client';
import type { DatabaseEngine } from '@/lib/db/engine';
import type { User } from '@/lib/db/generated/sqlite/client';

/**
 * Small helpers for integration tests. Every test file runs on a fresh migrated database of its
 * own (setup/global-setup.ts), but tests inside a file share it: use `unique()` for anything
 * that must be unique (emails, SKUs, codes).
 */

/** The engine of the database this file runs on: 'sqlite', or 'postgresql' in the PostgreSQL project. */
export function engineName(): DatabaseEngine {
  return databaseEngine();
}

/** A value no other test in the run uses: `${label}-<8 random hex digits>`. */
export function unique(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

export interface TestUser {
  user: User;
  /** The plain-text password, for sign-in and token tests. */
  password: string;
}

/**
 * A user created through the real use case (lib/auth/create-user.ts): the input goes through
 * the same schema as the API (email lower-cased, password length checked), the password is
 * hashed with bcrypt and an audit row is written. About 100 ms per call because of the hash.
 */
export async function createTestUser({
  role,
  email = `${unique(role.toLowerCase())}@test.local`,
  password = `pw-${randomUUID()}`,
  name = `Test ${role.toLowerCase()}`,
  actorId = null,
}: {
  role: Role;
  email?: string;
  password?: string;
  name?: string;
  actorId?: number | null;
}): Promise<TestUser> {
  const input = createUserSchema.parse({ email, name, password, role });
  const user = await createUser({ input, actorId });
  return { user, password };
}

/** Runs raw SQL that the database must refuse, and returns the error it raised. */
export async function refusal(database: Database, sql: string): Promise<Error> {
  try {
    await database.$executeRawUnsafe(sql);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`The database accepted: ${sql}`);
}
