'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/config';
import { signInSchema } from '@/lib/auth/schemas';
import { fieldErrorsFromZod } from '@/lib/errors';
import type { FormState } from '@/lib/form-state';

/** Only paths of this app: never another origin, never a protocol-relative URL. */
function safeCallback(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    return { status: 'error', message: 'Enter your email and password.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallback(formData.get('callbackUrl')) });
  } catch (error) {
    if (error instanceof AuthError) {
      const rateLimited = (error as AuthError & { code?: string }).code === 'rate_limited';
      return {
        status: 'error',
        message: rateLimited ? 'Too many failed attempts. Please wait a few minutes and try again.' : 'Wrong email or password.',
        fieldErrors: {},
        values,
      };
    }
    throw error;
  }
  return { status: 'success', message: 'Signed in.' };
}
