'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { changePasswordSchema, setPasswordSchema, updateMeSchema } from '@/lib/auth/account-schemas';
import { authorizeAction } from '@/lib/auth/actor';
import { changeOwnPassword } from '@/lib/auth/change-own-password';
import { requestClient } from '@/lib/auth/client-address';
import { signOut } from '@/lib/auth/config';
import { createApiToken } from '@/lib/auth/create-api-token';
import { createUser } from '@/lib/auth/create-user';
import { endUserSessions } from '@/lib/auth/end-user-sessions';
import { renewSession } from '@/lib/auth/renew-session';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { can } from '@/lib/auth/roles';
import { createUserSchema, tokenExchangeSchema, updateUserSchema } from '@/lib/auth/schemas';
import { setUserPassword } from '@/lib/auth/set-user-password';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { updateMe } from '@/lib/auth/update-me';
import { updateUser } from '@/lib/auth/update-user';
import { fieldErrorsFromZod, isAppError } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { idParamSchema } from '@/lib/inventory/schema-parts';

/** What creating a token answers: the secret, this once, or the usual form state. */
export type CreateTokenState = FormState | { status: 'created'; message: string; token: { id: number; name: string; secret: string } };

const newTokenFormSchema = tokenExchangeSchema.pick({ name: true, scope: true }).extend({
  expiresInDays: z.coerce.number({ message: 'Choose how long the token lasts' }).pipe(tokenExchangeSchema.shape.expiresInDays.unwrap()),
  password: tokenExchangeSchema.shape.password,
});
const idFormSchema = z.object({ id: idParamSchema });

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

/**
 * Any signed-in person may hold API tokens for themselves. A token outlives the session, so
 * making one asks for the password again (counted like a sign-in): a browser left signed in
 * is not enough to mint one.
 */
export async function createTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  // The password is never sent back to the form.
  const values = { name: textOf(formData, 'name'), scope: textOf(formData, 'scope'), expiresInDays: textOf(formData, 'expiresInDays') };
  try {
    const actor = await authorizeAction('catalog:read');
    const parsed = newTokenFormSchema.safeParse({ ...values, password: textOf(formData, 'password') });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    try {
      await signInWithPassword({ email: actor.email, password: parsed.data.password, client: requestClient(await headers()) });
    } catch (error) {
      if (isAppError(error) && error.code === 'UNAUTHENTICATED') {
        return { status: 'error', message: 'That is not your password.', fieldErrors: { password: 'This is not your password' }, values };
      }
      throw error;
    }
    const token = await createApiToken({ userId: actor.id, name: parsed.data.name, expiresInDays: parsed.data.expiresInDays, scope: parsed.data.scope });
    revalidatePath('/settings');
    return { status: 'created', message: `Token “${token.name}” created.`, token: { id: token.id, name: token.name, secret: token.token } };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

/** Revokes one's own token; an ADMIN may revoke anyone's (the Users tab lists them). */
export async function revokeTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:read');
    const parsed = idFormSchema.safeParse({ id: formData.get('id') });
    if (!parsed.success) return { status: 'error', message: 'This token no longer exists. Reload the page.', fieldErrors: {} };
    await revokeApiToken({ userId: actor.id, tokenId: parsed.data.id, anyOwner: can(actor.role, 'users:manage') });
    revalidatePath('/settings');
    return { status: 'success', message: 'Token revoked. Anything using it is refused from now on.' };
  } catch (error) {
    return formStateFromError(error);
  }
}

/** One's own name and low-stock email preference. */
export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { name: textOf(formData, 'name') };
  try {
    const actor = await authorizeAction('catalog:read');
    const parsed = updateMeSchema.safeParse({ name: values.name, notifyLowStock: formData.get('notifyLowStock') === 'on' });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    await updateMe({ userId: actor.id, input: parsed.data });
    revalidatePath('/', 'layout');
    return { status: 'success', message: 'Your profile is saved.' };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

/**
 * Changes one's own password. Every session of the user ends; this browser signs in again
 * with the new password, so only the other devices are sent to the sign-in page.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:read');
    const parsed = changePasswordSchema.safeParse({ currentPassword: textOf(formData, 'currentPassword'), newPassword: textOf(formData, 'newPassword') });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error) };
    if (parsed.data.newPassword !== textOf(formData, 'confirmPassword')) {
      return { status: 'error', message: 'Some fields need attention.', fieldErrors: { confirmPassword: 'Type the same new password twice' } };
    }
    await changeOwnPassword({ userId: actor.id, input: parsed.data, client: requestClient(await headers()) });
    await renewSession({ email: actor.email, password: parsed.data.newPassword });
  } catch (error) {
    return formStateFromError(error);
  }
  // A redirect, not a re-render of this request: Next renders a redirect's target with the
  // cookies just set (the new session), whereas this request still carries the ended one.
  redirect('/settings?tab=account&password=changed');
}

/** Ends every session of the user, this one included, and goes to the sign-in page. */
export async function signOutEverywhereAction(): Promise<FormState> {
  let actorId: number;
  try {
    actorId = (await authorizeAction('catalog:read')).id;
    await endUserSessions({ userId: actorId });
  } catch (error) {
    return formStateFromError(error);
  }
  // Throws Next's redirect: outside the try, so it is not mistaken for a failure.
  await signOut({ redirectTo: '/login' });
  return { status: 'success', message: 'Signed out everywhere.' };
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The password is never sent back to the form.
  const values = { email: textOf(formData, 'email'), name: textOf(formData, 'name'), role: textOf(formData, 'role') };
  try {
    const actor = await authorizeAction('users:manage');
    const parsed = createUserSchema.safeParse({ ...values, password: textOf(formData, 'password') });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const user = await createUser({ input: parsed.data, actorId: actor.id });
    revalidatePath('/settings');
    return { status: 'success', message: `${user.name} can now sign in as ${user.email}.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

/** An ADMIN sets someone's password; all of that person's sessions end. */
export async function setUserPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('users:manage');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This user no longer exists. Reload the page.', fieldErrors: {} };
    const parsed = setPasswordSchema.safeParse({ newPassword: textOf(formData, 'newPassword') });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error) };
    await setUserPassword({ id: id.data.id, input: parsed.data, actorId: actor.id });
    revalidatePath('/settings');
    const message = id.data.id === actor.id ? 'Your password is set and all your sessions have ended: sign in again.' : 'Password set. They are signed out everywhere and sign in with the new password.';
    return { status: 'success', message };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { name: textOf(formData, 'name'), role: textOf(formData, 'role') };
  try {
    const actor = await authorizeAction('users:manage');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This user no longer exists. Reload the page.', fieldErrors: {}, values };
    const parsed = updateUserSchema.safeParse(values);
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const user = await updateUser({ id: id.data.id, input: parsed.data, actorId: actor.id });
    revalidatePath('/', 'layout');
    return { status: 'success', message: `${user.name} saved.` };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

/** Disables or re-enables an account; the last enabled admin is refused by the domain. */
export async function setUserDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('users:manage');
    const id = idFormSchema.safeParse({ id: formData.get('id') });
    if (!id.success) return { status: 'error', message: 'This user no longer exists. Reload the page.', fieldErrors: {} };
    const parsed = updateUserSchema.safeParse({ disabled: formData.get('disabled') === 'true' });
    if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrorsFromZod(parsed.error) };
    const user = await updateUser({ id: id.data.id, input: parsed.data, actorId: actor.id });
    revalidatePath('/', 'layout');
    return { status: 'success', message: user.disabled ? `${user.name} can no longer sign in or use API tokens.` : `${user.name} can sign in again.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
