'use client';

import type { FormAction } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';

/** Asks for the day and a second look before archiving: the rows leave the live ledger for good (they stay readable). */
export function ArchiveLedgerDialog({ action, latestDay }: { action: FormAction; latestDay: string }) {
  return (
    <FormDialog
      trigger={{ label: 'Archive old movements…', variant: 'secondary' }}
      title="Archive old movements"
      description="Movements created before the day you choose move to the archive. On-hand, valuations and ledger:verify stay exactly as they are; archived rows stay readable (Show archived movements) and can never be changed."
      submitLabel="Archive"
      action={action}
      fieldNames={['before']}
    >
      {({ errors, values }) => (
        <Field
          label="Archive movements created before"
          name="before"
          type="date"
          required
          max={latestDay}
          defaultValue={values.before ?? ''}
          hint="A day in the shop's time zone. Large ledgers move in short batches; the app keeps answering meanwhile."
          error={errors.before}
        />
      )}
    </FormDialog>
  );
}
