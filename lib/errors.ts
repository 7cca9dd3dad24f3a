import type { ZodError } from 'zod';

/**
 * The one vocabulary of expected failures. Library code throws AppError with a stable code;
 * lib/http maps the code to a status once, and server actions map it to form state once.
 * Anything that is not an AppError is a bug and is answered as INTERNAL without details.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field problems keyed by input path: `sku`, or `3.sku` for row 3 of a batch. */
export type FieldErrors = Record<string, string>;

export interface AppErrorDetails {
  fieldErrors?: FieldErrors;
  /** INSUFFICIENT_STOCK: what could have been taken. */
  available?: number;
  /** RATE_LIMITED and SERVICE_UNAVAILABLE: when to try again. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Turns zod issues into one message per field path (the first issue of each path wins). */
export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

export function validationFailed(fieldErrors: FieldErrors, message = 'Some fields need attention.'): AppError {
  return new AppError('VALIDATION_FAILED', message, { fieldErrors });
}

export function validationFailedFromZod(error: ZodError): AppError {
  return validationFailed(fieldErrorsFromZod(error));
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found.`);
}
