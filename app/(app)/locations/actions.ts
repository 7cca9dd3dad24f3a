'use server';

import { formAction } from '@/lib/forms/form-action';
import { isChecked } from '@/lib/forms/form-data';
import { createLocation } from '@/lib/inventory/create-location';
import { deleteLocation } from '@/lib/inventory/delete-location';
import { createLocationSchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { updateLocation } from '@/lib/inventory/update-location';

const FIELDS = ['code', 'name', 'isDefault'] as const;
const GONE = { names: ['id'] as const, gone: 'This location no longer exists. Reload the page.' };

export const createLocationAction = formAction({
  permission: 'catalog:write',
  fields: FIELDS,
  schema: createLocationSchema,
  input: (values) => ({ code: values.code, name: values.name, isDefault: isChecked(values.isDefault) }),
  run: ({ input, actor }) => createLocation({ input, actorId: actor.id }),
  revalidate: ['/locations'],
  success: (location) => `Location ${location.code} created.`,
});

/** A checked box makes this the default; an unticked one changes nothing (the default moves, it is never unset). */
export const updateLocationAction = formAction({
  permission: 'catalog:write',
  fields: FIELDS,
  ids: GONE,
  schema: updateLocationSchema,
  input: (values) => ({ code: values.code, name: values.name, isDefault: isChecked(values.isDefault) ? true : undefined }),
  run: ({ input, ids, actor }) => updateLocation({ id: ids.id, input, actorId: actor.id }),
  revalidate: ['/locations'],
  success: (location) => `Location ${location.code} saved.`,
});

export const deleteLocationAction = formAction({
  permission: 'catalog:write',
  ids: GONE,
  run: ({ ids, actor }) => deleteLocation({ id: ids.id, actorId: actor.id }),
  revalidate: ['/locations'],
  success: (location) => `Location ${location.code} deleted.`,
});
