import type { z } from 'zod';
import { AppError, isAppError, validationFailed, validationFailedFromZod } from '@/lib/errors';
import { classifyDatabaseError } from '@/lib/db/errors';
import { logger } from '@/lib/logger';
import { HTTP_STATUS_BY_CODE } from './status';

const DEFAULT_MAX_BODY_BYTES = 1_000_000;

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

/** The error body of API.md: `{ code, message, errors?, available? }`. */
export function errorResponse(error: AppError): Response {
  const { fieldErrors, available, retryAfterSeconds } = error.details;
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (fieldErrors) body.errors = fieldErrors;
  if (available !== undefined) body.available = available;
  const headers = new Headers();
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return jsonResponse(body, { status: HTTP_STATUS_BY_CODE[error.code], headers });
}

/**
 * The one place where a thrown value becomes an HTTP answer. Expected failures keep their
 * code; known database conditions are translated; anything else is a bug, logged here and
 * answered 500 with nothing internal in the body.
 */
export function handleApiError(error: unknown): Response {
  if (isAppError(error)) return errorResponse(error);
  const translated = classifyDatabaseError(error);
  if (translated) return errorResponse(translated);
  logger().error({ err: error }, 'unhandled error in route handler');
  return errorResponse(new AppError('INTERNAL', 'Something went wrong on our side. Please try again.'));
}

/**
 * Reads a JSON body within a size limit and validates it. Malformed JSON, a wrong content
 * type, a NUL anywhere (refuseNul) or a schema mismatch is a 400; an oversized body is a 413.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = DEFAULT_MAX_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<z.output<Schema>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw validationFailed({ _: 'Send the body as JSON with content-type: application/json.' }, 'The body must be JSON.');
  }
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (declaredLength > maxBytes) throw payloadTooLarge(maxBytes);

  const text = await readTextWithin(request, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationFailed({ _: 'The body is not valid JSON.' }, 'The body is not valid JSON.');
  }
  // JSON text cannot carry a raw NUL, only the escape: without one the walk has nothing to find.
  if (text.includes('\\u0000')) refuseNul(parsed);
  const result = schema.safeParse(parsed);
  if (!result.success) throw validationFailedFromZod(result.error);
  return result.data;
}

async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, total));
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

function payloadTooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
}

/**
 * Validates query parameters with the same zod vocabulary as bodies, after refuseNul. Own
 * properties only (fromEntries), so that `?__proto__=` is a key like any other.
 */
export function parseSearchParams<Schema extends z.ZodType>(url: string | URL, schema: Schema): z.output<Schema> {
  const raw = Object.fromEntries(new URL(url).searchParams);
  refuseNul(raw);
  const result = schema.safeParse(raw);
  if (!result.success) throw validationFailedFromZod(result.error);
  return result.data;
}

/** Validates a route id segment: ids are positive integers (API.md). */
export function parseId(raw: string, what = 'Record'): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new AppError('NOT_FOUND', `${what} not found.`);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) throw new AppError('NOT_FOUND', `${what} not found.`);
  return id;
}

/**
 * A NUL anywhere in the input, in a string or a key, is a 400 naming its path, before any
 * schema runs: PostgreSQL cannot store it (a 500 if it got that far) and SQLite would keep it
 * invisibly, so every route refuses it alike, those added later included. The schemas'
 * own text rules (lib/plain-text.ts) refuse the other control characters by field. The walk
 * uses its own stack: a body may nest deeper than the call stack goes.
 */
export function refuseNul(value: unknown): void {
  const stack: InputNode[] = [{ value, key: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const keyHasNul = node.key.includes('\u0000');
    if (keyHasNul || (typeof node.value === 'string' && node.value.includes('\u0000'))) {
      const path = pathOf(node);
      throw validationFailed(
        { [path]: keyHasNul ? 'A key must not contain the NUL character' : 'Must not contain the NUL character' },
        'Text must not contain the NUL character (\\u0000).',
      );
    }
    if (node.value !== null && typeof node.value === 'object') {
      const entries = Object.entries(node.value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index]!;
        stack.push({ value: child, key, parent: node });
      }
    }
  }
}

/** A value met while walking the input, with the key it was found under and its container. */
interface InputNode {
  value: unknown;
  key: string;
  parent?: InputNode;
}

const MAX_PATH_KEYS = 32;

/** `movements.3.reason`, or `_` for the body itself; a NUL in a key is shown as \u0000, a very deep path cut short. */
function pathOf(node: InputNode): string {
  const keys: string[] = [];
  for (let current: InputNode | undefined = node; current?.parent; current = current.parent) {
    keys.push(current.key.replaceAll('\u0000', '\\u0000'));
  }
  if (keys.length === 0) return '_';
  keys.reverse();
  return keys.length > MAX_PATH_KEYS ? `${keys.slice(0, MAX_PATH_KEYS).join('.')}.…` : keys.join('.');
}
