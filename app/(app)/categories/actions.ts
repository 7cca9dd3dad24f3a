'use server';

import { formAction } from '@/lib/forms/form-action';
import { createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { updateCategory } from '@/lib/inventory/update-category';

const FIELDS = ['name', 'description'] as const;
const GONE = { names: ['id'] as const, gone: 'This category no longer exists. Reload the page.' };

export const createCategoryAction = formAction({
  permission: 'catalog:write',
  fields: FIELDS,
  schema: createCategorySchema,
  run: ({ input, actor }) => createCategory({ input, actorId: actor.id }),
  revalidate: ['/categories'],
  success: (category) => `Category “${category.name}” created.`,
});

export const updateCategoryAction = formAction({
  permission: 'catalog:write',
  fields: FIELDS,
  ids: GONE,
  schema: updateCategorySchema,
  run: ({ input, ids, actor }) => updateCategory({ id: ids.id, input, actorId: actor.id }),
  revalidate: ['/categories'],
  success: (category) => `Category “${category.name}” saved.`,
});

export const deleteCategoryAction = formAction({
  permission: 'catalog:write',
  ids: GONE,
  run: ({ ids, actor }) => deleteCategory({ id: ids.id, actorId: actor.id }),
  revalidate: ['/categories'],
  success: (category) => `Category “${category.name}” deleted.`,
});
