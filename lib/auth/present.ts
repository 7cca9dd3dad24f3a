import type { ApiToken, User } from '@/lib/db/generated/sqlite/client';
import type { z } from 'zod';
import type { meResponseSchema } from './account-schemas';
import type { ApiTokenResponse, UserResponse } from './schemas';

type MeResponse = z.output<typeof meResponseSchema>;

/** The public shape of a user: never the password hash. */
export function presentUser(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The public shape of a token: never the secret nor its hash. */
export function presentApiToken(token: ApiToken): ApiTokenResponse {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    scope: token.scope,
    expiresAt: token.expiresAt.toISOString(),
    userId: token.userId,
  };
}

/** Who the caller is (GET /api/me). */
export function presentMe(user: User): MeResponse {
  return { id: user.id, email: user.email, name: user.name, role: user.role, notifyLowStock: user.notifyLowStock };
}
