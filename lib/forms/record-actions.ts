import type { z } from 'zod';
import type { Permission } from '@/lib/auth/roles';
import { formAction } from './form-action';
import type { FormValues } from './form-data';

interface Write<Schema extends z.ZodType> {
  schema: Schema;
  /** The form as the schema's input, when it is not the fields as typed. */
  input?: (values: FormValues) => unknown;
}

export interface RecordDoors<Create extends z.ZodType, Update extends z.ZodType, Row> {
  permission: Permission;
  /** The list page that shows the records. */
  path: string;
  fields: readonly string[];
  /** What a refusal says when the record the form names has gone meanwhile. */
  gone: string;
  /** How the toast names a record: `Category “Bolts”`. */
  name: (row: Row) => string;
  create: Write<Create> & { run: (options: { input: z.output<Create>; actorId: number }) => Promise<Row> };
  update: Write<Update> & { run: (options: { id: number; input: z.output<Update>; actorId: number }) => Promise<Row> };
  remove: (options: { id: number; actorId: number }) => Promise<Row>;
}

/**
 * The create, edit and delete doors of a list of named records (categories, suppliers,
 * locations): each a formAction on the form's fields, the edit and delete naming the record
 * by a hidden `id`, re-rendering the list and saying what happened to which record.
 */
export function recordFormActions<Create extends z.ZodType, Update extends z.ZodType, Row>(doors: RecordDoors<Create, Update, Row>) {
  const { permission, path, fields, name } = doors;
  const ids = { names: ['id'] as const, gone: doors.gone };
  return {
    create: formAction({
      permission,
      fields,
      schema: doors.create.schema,
      input: doors.create.input,
      run: ({ input, actor }) => doors.create.run({ input, actorId: actor.id }),
      revalidate: [path],
      success: (row) => `${name(row)} created.`,
    }),
    update: formAction({
      permission,
      fields,
      ids,
      schema: doors.update.schema,
      input: doors.update.input,
      run: ({ input, ids: { id }, actor }) => doors.update.run({ id, input, actorId: actor.id }),
      revalidate: [path],
      success: (row) => `${name(row)} saved.`,
    }),
    remove: formAction({
      permission,
      ids,
      run: ({ ids: { id }, actor }) => doors.remove({ id, actorId: actor.id }),
      revalidate: [path],
      success: (row) => `${name(row)} deleted.`,
    }),
  };
}
