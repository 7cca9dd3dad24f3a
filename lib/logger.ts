import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

/**
 * The server's one logger: JSON lines on stdout, one per request (lib/http/server-lifecycle.ts)
 * and one per unexpected error, each carrying the request id of the request it belongs to.
 *
 * Next.js bundles instrumentation.ts and each route separately, so a module can be loaded more
 * than once in one process; the logger and the request context live on globalThis so that every
 * copy shares them (as lib/auth/client-address.ts does for its stamp).
 */
const STATE = Symbol.for('stockroom.logger');

export interface RequestContext {
  requestId: string;
}

interface LoggerState {
  logger: Logger;
  context: AsyncLocalStorage<RequestContext>;
}

type GlobalWithLogger = typeof globalThis & { [STATE]?: LoggerState };

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Credentials never reach a log line, even if a caller passes an object holding one. Nothing
 * logs bodies, headers or query strings in the first place; this is the second fence.
 */
const SECRET_KEYS = ['password', 'currentPassword', 'newPassword', 'token', 'secret', 'authorization', 'cookie', 'passwordHash', 'tokenHash'];
export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.headers.${key}`),
  '["set-cookie"]',
  '*.headers["set-cookie"]',
];

/** LOG_LEVEL picks the threshold; an unknown value falls back to info and says so once. */
export function logLevel(value = process.env.LOG_LEVEL): { level: string; unknown?: string } {
  const wanted = (value ?? '').trim().toLowerCase();
  if (wanted === '') return { level: 'info' };
  return (LEVELS as readonly string[]).includes(wanted) ? { level: wanted } : { level: 'info', unknown: value };
}

function createState(): LoggerState {
  const context = new AsyncLocalStorage<RequestContext>();
  const { level, unknown } = logLevel();
  const logger = pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const current = context.getStore();
      return current ? { requestId: current.requestId } : {};
    },
  });
  if (unknown !== undefined) logger.warn({ LOG_LEVEL: unknown }, `LOG_LEVEL must be one of ${LEVELS.join(', ')}; logging at info.`);
  return { logger, context };
}

function state(): LoggerState {
  const global = globalThis as GlobalWithLogger;
  global[STATE] ??= createState();
  return global[STATE];
}

export function logger(): Logger {
  return state().logger;
}

/** Runs `work` with `context` as the current request's, for every log line written inside it. */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return state().context.run(context, work);
}
