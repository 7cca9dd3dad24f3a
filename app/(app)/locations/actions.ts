'use server';

import { isChecked } from '@/lib/forms/form-data';
import { recordFormActions } from '@/lib/forms/record-actions';
import { createLocation } from '@/lib/inventory/create-location';
import { deleteLocation } from '@/lib/inventory/delete-location';
import { createLocationSchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { updateLocation } from '@/lib/inventory/update-location';

const doors = recordFormActions({
  permission: 'catalog:write',
  path: '/locations',
  fields: ['code', 'name', 'isDefault'],
  gone: 'This location no longer exists. Reload the page.',
  name: (location) => `Location ${location.code}`,
  create: {
    schema: createLocationSchema,
    input: (values) => ({ code: values.code, name: values.name, isDefault: isChecked(values.isDefault) }),
    run: createLocation,
  },
  update: {
    schema: updateLocationSchema,
    // A checked box makes this the default; an unticked one changes nothing (the default moves, it is never unset).
    input: (values) => ({ code: values.code, name: values.name, isDefault: isChecked(values.isDefault) || undefined }),
    run: updateLocation,
  },
  remove: deleteLocation,
});

export const createLocationAction = doors.create;
export const updateLocationAction = doors.update;
export const deleteLocationAction = doors.remove;
