import { isAppError, type FieldErrors } from '@/lib/errors';
import { classifyDatabaseError } from '@/lib/db/errors';

/** What a server action answers to its form: the same messages the API puts in `errors`. */
export type FormState =
  | { status: 'idle' }
  | { status: 'success'; message: string }
  | { status: 'error'; message: string; fieldErrors: FieldErrors; values?: Record<string, string> };

export const idleFormState: FormState = { status: 'idle' };

/** The one map from a thrown value to form state; bugs are logged and shown as a generic message. */
export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  const known = isAppError(error) ? error : classifyDatabaseError(error);
  if (known) return { status: 'error', message: known.message, fieldErrors: known.details.fieldErrors ?? {}, values };
  console.error('Unhandled error in server action', error);
  return { status: 'error', message: 'Something went wrong on our side. Please try again.', fieldErrors: {}, values };
}
