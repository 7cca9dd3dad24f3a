'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/auth/create-api-token';
import { createUser } from '@/lib/auth/create-user';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { createUserSchema, tokenExchangeSchema, updateUserSchema } from '@/lib/auth/schemas';
import { updateUser } from '@/lib/auth/update-user';
import { fieldErrorsFromZod } from '@/lib/errors';
import { formStateFromError, type FormState } from '@/lib/forms/form-state';
import { idParamSchema } from '@/lib/inventory/schema-parts';

/** What creating a token answers: the secret, this once, or the usual form state. */
export type CreateTokenState = FormState | { status: 'created'; message: string; token: { id: number; name: string; secret: string } };

const tokenNameSchema = tokenExchangeSchema.pick({ name: true });
const idFormSchema = z.object({ id: idParamSchema });

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

/** Any signed-in person may hold API tokens for themselves (as GET/DELETE /api/tokens allow). */
export async function createTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = { name: textOf(formData, 'name') };
  try {
    const actor = await authorizeAction('catalog:read');
    const parsed = tokenNameSchema.safeParse(values);
    if (!parsed.success) return { status: 'error', message: 'Give the token a name.', fieldErrors: fieldErrorsFromZod(parsed.error), values };
    const token = await createApiToken({ userId: actor.id, name: parsed.data.name });
    revalidatePath('/settings');
    return { status: 'created', message: `Token “${token.name}” created.`, token: { id: token.id, name: token.name, secret: token.token } };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

export async function revokeTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await authorizeAction('catalog:read');
    const parsed = idFormSchema.safeParse({ id: formData.get('id') });
    if (!parsed.success) return { status: 'error', message: 'This token no longer exists. Reload the page.', fieldErrors: {} };
    await revokeApiToken({ userId: actor.id, tokenId: parsed.data.id });
    revalidatePath('/settings');
    return { status: 'success', message: 'Token revoked. Anything using it is refused from now on.' };
  } catch (error) {
    return formStateFromError(error);
  }
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
