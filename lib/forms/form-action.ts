import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorizeAction, type Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/roles';
import { AppError, fieldErrorsFromZod, validationFailed, type FieldErrors } from '@/lib/errors';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { formValues, type FormValues } from './form-data';
import { formStateFromError, type FormState } from './form-state';

/** A page to re-render after a success, or `{ layout }` for everything under it (the nav's alert count lives in the root layout). */
export type RevalidateTarget = string | { layout: string };

/** Every page: products and stock feed the lists, the dashboard and the alert count in the navigation. */
export const EVERY_PAGE: RevalidateTarget = { layout: '/' };

const NO_INPUT = z.object({});

export interface FormDoor<Schema extends z.ZodType, Id extends string, Result> {
  permission: Permission;
  /** The fields a refused form shows again, as typed. */
  fields?: readonly string[];
  /** Hidden inputs naming the records acted on; one that does not parse means the record has gone, which `gone` says. */
  ids?: { names: readonly Id[]; gone: string };
  /** The API's schema for the input; an action that takes only ids has none. */
  schema?: Schema;
  /**
   * The form as the schema's input (numbers from text, an empty optional field left out);
   * by default the fields as typed. A refusal the schema cannot express throws validationFailed.
   */
  input?: (values: FormValues) => unknown;
  /** The message above the fields when the schema refuses; "Some fields need attention." by default. */
  refusal?: (fieldErrors: FieldErrors) => string;
  run: (call: { input: z.output<Schema>; ids: Record<Id, number>; actor: Actor; values: FormValues }) => Promise<Result>;
  revalidate: readonly RevalidateTarget[] | ((result: Result) => readonly RevalidateTarget[]);
  /** The toast of a success that stays on the page. */
  success?: (result: Result, values: FormValues) => string;
  /** Where to go after a success instead, with a `flash` the page there turns into a toast: a form posted before hydration ends in the same place. */
  redirect?: (result: Result) => string;
}

/**
 * The door of every server action, as apiRoute is of every route handler: authorize, read
 * the form, parse it with the API's own zod schema, call the use case, re-render what changed,
 * answer typed form state. Every refusal, expected or not, leaves through formStateFromError,
 * with the typed values so the form can show them again.
 */
export function formAction<Schema extends z.ZodType = typeof NO_INPUT, Id extends string = never, Result = unknown>(door: FormDoor<Schema, Id, Result>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData, door.fields ?? []);
    let result: Result;
    try {
      const actor = await authorizeAction(door.permission);
      const ids = parseIds(formData, door.ids);
      // Without a schema, Schema is NO_INPUT's type (the generic's default).
      const schema = (door.schema ?? NO_INPUT) as Schema;
      const parsed = schema.safeParse(door.input ? door.input(values) : values);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsFromZod(parsed.error);
        throw validationFailed(fieldErrors, door.refusal?.(fieldErrors));
      }
      result = await door.run({ input: parsed.data, ids, actor, values });
      const targets = typeof door.revalidate === 'function' ? door.revalidate(result) : door.revalidate;
      for (const target of targets) {
        if (typeof target === 'string') revalidatePath(target);
        else revalidatePath(target.layout, 'layout');
      }
    } catch (error) {
      return formStateFromError(error, door.fields ? values : undefined);
    }
    // Outside the try: redirect() throws to do its work.
    if (door.redirect) redirect(door.redirect(result));
    return { status: 'success', message: door.success?.(result, values) ?? 'Done.' };
  };
}

function parseIds<Id extends string>(formData: FormData, ids: FormDoor<z.ZodType, Id, unknown>['ids']): Record<Id, number> {
  const parsed = {} as Record<Id, number>;
  for (const name of ids?.names ?? []) {
    const id = idParamSchema.safeParse(formData.get(name));
    if (!id.success) throw new AppError('NOT_FOUND', ids?.gone ?? 'This record no longer exists. Reload the page.');
    parsed[name] = id.data;
  }
  return parsed;
}
