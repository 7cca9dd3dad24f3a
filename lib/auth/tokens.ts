import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'sr_';

/** A new API token secret: shown once to its owner, stored only as its SHA-256. */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Tokens carry 256 random bits, so a fast hash is enough: no dictionary to guard against,
 * and the lookup by hash stays an index probe on every API call.
 */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function looksLikeTokenSecret(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > TOKEN_PREFIX.length + 20 && value.length < 200;
}

/** What lists show so a person can tell tokens apart: the prefix and a few characters. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}
