'use server';

import { AuthError } from 'next-auth';
import { RateLimitedSignIn, signIn } from '@/lib/auth/config';
import { signInSchema } from '@/lib/auth/schemas';
import { fieldErrorsFromZod } from '@/lib/errors';
import type { FormState } from '@/lib/forms/form-state';
import { safeCallbackUrl } from './callback-url';

const WRONG_CREDENTIALS = 'Wrong email or password.';
const RATE_LIMITED = 'Too many failed attempts. Please wait a few minutes and try again.';

function isRateLimited(error: AuthError): boolean {
  return error instanceof RateLimitedSignIn || (error.type === 'CredentialsSignin' && (error as AuthError & { code?: unknown }).code === 'rate_limited');
}

/**
 * The sign-in form's action. On success signIn() throws Next's redirect, which must
 * propagate; only Auth.js's own errors become messages, and they never say whether the
 * email exists.
 */
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    return { status: 'error', message: 'Enter your email and password.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallbackUrl(formData.get('callbackUrl')) });
  } catch (error) {
    if (error instanceof AuthError) {
      return { status: 'error', message: isRateLimited(error) ? RATE_LIMITED : WRONG_CREDENTIALS, fieldErrors: {}, values };
    }
    throw error;
  }
  return { status: 'success', message: 'Signed in.' };
}
