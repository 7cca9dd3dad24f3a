import { z } from 'zod';
import { DEFAULT_DATABASE_URL, engineOf } from '@/lib/db/engine';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

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
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      context.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production (openssl rand -base64 33)' });
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
