'use client';

import type { FormAction } from '@/components/ui/action-form';
import { Field, TextAreaField } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { CATEGORY_LIMITS } from '@/lib/inventory/field-limits';

export interface CategoryRow {
  id: number;
  name: string;
  description: string | null;
}

/** Create (no category) or edit (with one) a category in a dialog. */
export function CategoryFormDialog({ action, category }: { action: FormAction; category?: CategoryRow }) {
  const editing = category !== undefined;
  return (
    <FormDialog
      trigger={editing ? { label: 'Edit', ariaLabel: `Edit ${category.name}`, variant: 'ghost', size: 'sm' } : { label: 'New category' }}
      title={editing ? 'Edit category' : 'New category'}
      description={editing ? undefined : 'Group products so that they are easy to find and report on.'}
      submitLabel={editing ? 'Save changes' : 'Create category'}
      action={action}
      hidden={editing ? { id: String(category.id) } : undefined}
      fieldNames={['name', 'description']}
    >
      {({ errors, values }) => (
        <>
          <Field label="Name" name="name" required maxLength={CATEGORY_LIMITS.name} autoComplete="off" defaultValue={values.name ?? category?.name ?? ''} error={errors.name} />
          <TextAreaField label="Description" name="description" maxLength={CATEGORY_LIMITS.description} hint="Optional" defaultValue={values.description ?? category?.description ?? ''} error={errors.description} />
        </>
      )}
    </FormDialog>
  );
}
