'use client';

import type { FormAction } from '@/components/ui/action-form';
import { Field, TextAreaField } from '@/components/ui/field';
import { RecordFormDialog } from '@/components/ui/form-dialog';
import { CATEGORY_LIMITS } from '@/lib/inventory/field-limits';

export interface CategoryRow {
  id: number;
  name: string;
  description: string | null;
}

/** Create (no category) or edit (with one) a category in a dialog. */
export function CategoryFormDialog({ action, category }: { action: FormAction; category?: CategoryRow }) {
  return (
    <RecordFormDialog
      noun="category"
      editing={category && { id: category.id, label: category.name }}
      newDescription="Group products so that they are easy to find and report on."
      action={action}
      fieldNames={['name', 'description']}
    >
      {({ errors, values }) => (
        <>
          <Field label="Name" name="name" required maxLength={CATEGORY_LIMITS.name} autoComplete="off" defaultValue={values.name ?? category?.name ?? ''} error={errors.name} />
          <TextAreaField label="Description" name="description" maxLength={CATEGORY_LIMITS.description} hint="Optional" defaultValue={values.description ?? category?.description ?? ''} error={errors.description} />
        </>
      )}
    </RecordFormDialog>
  );
}
