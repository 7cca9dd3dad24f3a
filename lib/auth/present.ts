import type { ApiToken, User } from '@/lib/db/generated/sqlite/client';
import type { ApiTokenResponse, UserResponse } from './schemas';

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
  };
}
