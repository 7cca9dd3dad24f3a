'use server';

import { recordFormActions } from '@/lib/forms/record-actions';
import { createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { updateCategory } from '@/lib/inventory/update-category';

const doors = recordFormActions({
  permission: 'catalog:write',
  path: '/categories',
  fields: ['name', 'description'],
  gone: 'This category no longer exists. Reload the page.',
  name: (category) => `Category “${category.name}”`,
  create: { schema: createCategorySchema, run: createCategory },
  update: { schema: updateCategorySchema, run: updateCategory },
  remove: deleteCategory,
});

export const createCategoryAction = doors.create;
export const updateCategoryAction = doors.update;
export const deleteCategoryAction = doors.remove;
