'use client';

import type { FormAction } from '@/components/ui/action-form';
import { Field, TextAreaField } from '@/components/ui/field';
import { RecordFormDialog } from '@/components/ui/form-dialog';
import { SUPPLIER_LIMITS } from '@/lib/inventory/field-limits';

export interface SupplierRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

/** Create (no supplier) or edit (with one) a supplier in a dialog. */
export function SupplierFormDialog({ action, supplier }: { action: FormAction; supplier?: SupplierRow }) {
  return (
    <RecordFormDialog
      noun="supplier"
      editing={supplier && { id: supplier.id, label: supplier.name }}
      newDescription="Who you buy from. Open a supplier to link the products it supplies."
      action={action}
      fieldNames={['name', 'email', 'phone', 'notes']}
    >
      {({ errors, values }) => (
        <>
          <Field label="Name" name="name" required maxLength={SUPPLIER_LIMITS.name} autoComplete="off" defaultValue={values.name ?? supplier?.name ?? ''} error={errors.name} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Email" name="email" type="email" maxLength={SUPPLIER_LIMITS.email} autoComplete="off" hint="Optional" defaultValue={values.email ?? supplier?.email ?? ''} error={errors.email} />
            <Field label="Phone" name="phone" type="tel" maxLength={SUPPLIER_LIMITS.phone} autoComplete="off" hint="Optional" defaultValue={values.phone ?? supplier?.phone ?? ''} error={errors.phone} />
          </div>
          <TextAreaField label="Notes" name="notes" maxLength={SUPPLIER_LIMITS.notes} hint="Optional: terms, contact person, order days" defaultValue={values.notes ?? supplier?.notes ?? ''} error={errors.notes} />
        </>
      )}
    </RecordFormDialog>
  );
}
