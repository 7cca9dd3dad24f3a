import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { environment } from '@/lib/env';

/**
 * Webhook signing secrets must be readable to sign with, so unlike passwords and API tokens
 * they cannot be hashed: they are sealed with AES-256-GCM under a key derived (HKDF-SHA256)
 * from AUTH_SECRET, so a copy of the database alone does not give them away. Without
 * AUTH_SECRET (development and tests only: production requires it) a fixed key is used.
 */
const VERSION = 'v1';
const DEVELOPMENT_SECRET = 'stockroom-development-only-key-never-used-in-production';

function sealingKey(): Buffer {
  const secret = environment().AUTH_SECRET ?? DEVELOPMENT_SECRET;
  return Buffer.from(hkdfSync('sha256', secret, 'stockroom', 'webhook signing secret', 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

/** Throws when the text was not sealed under this AUTH_SECRET (changed since, or tampered with). */
export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('Not a sealed webhook secret.');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}
