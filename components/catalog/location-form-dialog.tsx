'use client';

import type { FormAction } from '@/components/ui/action-form';
import { CheckboxField, Field } from '@/components/ui/field';
import { RecordFormDialog } from '@/components/ui/form-dialog';
import { LOCATION_LIMITS } from '@/lib/inventory/field-limits';

export interface LocationRow {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
}

/** Create (no location) or edit (with one) a location in a dialog. */
export function LocationFormDialog({ action, location }: { action: FormAction; location?: LocationRow }) {
  return (
    <RecordFormDialog
      noun="location"
      editing={location && { id: location.id, label: location.code, title: `Edit location ${location.code}` }}
      newDescription="A place that holds stock: a store room, a shop floor, a van."
      action={action}
      fieldNames={['code', 'name', 'isDefault']}
    >
      {({ errors, values }) => (
        <>
          <Field
            label="Code"
            name="code"
            required
            maxLength={LOCATION_LIMITS.code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            hint="Letters, digits, dot, dash and underscore, e.g. BACK-1"
            defaultValue={values.code ?? location?.code ?? ''}
            error={errors.code}
          />
          <Field label="Name" name="name" required maxLength={LOCATION_LIMITS.name} autoComplete="off" defaultValue={values.name ?? location?.name ?? ''} error={errors.name} />
          {location?.isDefault ? (
            <CheckboxField label="Default location" name="isDefault" defaultChecked disabled hint="Movements without a location go here. To change it, make another location the default." error={errors.isDefault} />
          ) : (
            <CheckboxField
              label="Make this the default location"
              name="isDefault"
              defaultChecked={values.isDefault === 'on'}
              hint="Movements without a location go to the default one."
              error={errors.isDefault}
            />
          )}
        </>
      )}
    </RecordFormDialog>
  );
}
