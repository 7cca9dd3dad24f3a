import { z } from 'zod';
import { DEFAULT_DATABASE_URL, engineOf } from '@/lib/db/engine';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An on/off variable: `true`/`1` or `false`/`0` (empty means unset). */
const flag = optionalText
  .pipe(z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).optional())
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (url) => {
          try {
            engineOf(url);
            return true;
          } catch {
            return false;
          }
        },
        { message: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)' },
      ),
    AUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ADMIN_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalText.pipe(
      z
        .string()
        .min(10, 'must be at least 10 characters')
        .refine((password) => Buffer.byteLength(password, 'utf8') <= 72, 'must be at most 72 bytes of UTF-8 (bcrypt reads no further)')
        .optional(),
    ),
    CRON_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    EXPORT_DIR: z.string().trim().default('data/exports'),
    /**
     * How many proxies in front of the server append the client's address to X-Forwarded-For.
     * 0 (the default) trusts no header: the client is the socket's peer.
     */
    TRUST_PROXY_HOPS: z
      .string()
      .trim()
      .default('0')
      .pipe(z.string().regex(/^\d{1,2}$/, 'must be the number of proxies in front of the server (0 when clients connect directly)'))
      .transform(Number),
    /**
     * bcrypt work factor for new password hashes: 11 (about 100 ms a hash here) unless set. The
     * test suites set 4, since hundreds of sign-ins at 11 cost minutes of CPU and prove nothing
     * more; below 10 it is not for a server people sign in to (lib/auth/password.ts warns).
     */
    PASSWORD_HASH_COST: z
      .string()
      .trim()
      .default('11')
      .pipe(z.string().regex(/^\d{1,2}$/, 'must be a whole number from 4 to 15').transform(Number).pipe(z.number().min(4, 'must be at least 4').max(15, 'must be at most 15'))),
    /** Webhooks (lib/notify): `true` lets destinations be plain http, or private/loopback addresses (tests, intranets). */
    WEBHOOK_ALLOW_HTTP: flag,
    WEBHOOK_ALLOW_PRIVATE: flag,
    /** Milliseconds between a failed attempt and the next, comma-separated; one attempt more than there are delays, then FAILED. */
    WEBHOOK_RETRY_DELAYS_MS: z
      .string()
      .trim()
      .default('5000,30000,120000,600000,3600000,21600000')
      .pipe(z.string().regex(/^\d+(,\d+)*$/, 'must be milliseconds separated by commas, such as 5000,30000'))
      .transform((list) => list.split(',').map(Number)),
    /** How long a receiver has to answer an attempt (the contract's 10 s; shorter in tests). */
    WEBHOOK_TIMEOUT_MS: z
      .string()
      .trim()
      .default('10000')
      .pipe(z.string().regex(/^\d{2,6}$/, 'must be milliseconds, such as 10000'))
      .transform(Number),
    /** `false` keeps the delivery worker out of the web server (run `npm run worker` instead). */
    NOTIFY_WORKER: flag.default(true),
    /** Low-stock emails: an SMTP URL (smtp://user:pass@host:587, smtps://...) and the From address. */
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional()),
    MAIL_FROM: optionalText,
    /** The address people open Stockroom at, for links in emails (https://stock.example.com). */
    APP_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional()),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      context.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production (openssl rand -base64 33)' });
    }
    if (Boolean(env.SMTP_URL) !== Boolean(env.MAIL_FROM)) {
      context.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'SMTP_URL and MAIL_FROM go together' });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      context.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type Environment = z.output<typeof environmentSchema>;

export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

/** Validates the environment once at start-up and says exactly which variable is wrong. */
export function loadEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const result = environmentSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'} ${issue.message}`);
  throw new EnvironmentError(`Invalid environment:\n${problems.join('\n')}`);
}

let cachedEnvironment: Environment | undefined;

/** The validated environment of this process, read once. */
export function environment(): Environment {
  cachedEnvironment ??= loadEnvironment();
  return cachedEnvironment;
}
