'use client';

import { toast } from 'sonner';
import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { CheckboxField, Field } from '@/components/ui/field';
import { ConfirmDialog } from '@/components/ui/form-dialog';

/** One's own name and whether low-stock alerts arrive by email. */
export function ProfileForm({ action, name, notifyLowStock }: { action: FormAction; name: string; notifyLowStock: boolean }) {
  return (
    <ActionForm action={action} fieldNames={['name', 'notifyLowStock']} submitLabel="Save profile" onSuccess={(state) => toast.success(state.message)}>
      {({ errors, values }) => (
        <>
          <Field label="Name" name="name" required autoComplete="name" maxLength={120} defaultValue={values.name ?? name} error={errors.name} />
          <CheckboxField
            label="Email me when a product runs low"
            name="notifyLowStock"
            defaultChecked={notifyLowStock}
            hint="One email per alert opened, grouped when several open close together (when the server can send email)."
            error={errors.notifyLowStock}
          />
        </>
      )}
    </ActionForm>
  );
}

/** The current password proves it is really you; every other device is signed out after the change (the action then reloads the page with a notice). */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} fieldNames={['currentPassword', 'newPassword', 'confirmPassword']} submitLabel="Change password">
      {({ errors }) => (
        <>
          <Field label="Current password" name="currentPassword" type="password" required autoComplete="current-password" error={errors.currentPassword} />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            required
            autoComplete="new-password"
            minLength={10}
            hint="10 to 72 bytes: at least 10 characters; accented letters and emoji count 2 to 4 bytes each."
            error={errors.newPassword}
          />
          <Field label="New password again" name="confirmPassword" type="password" required autoComplete="new-password" error={errors.confirmPassword} />
        </>
      )}
    </ActionForm>
  );
}

export function SignOutEverywhereButton({ action }: { action: FormAction }) {
  return (
    <ConfirmDialog
      trigger={{ label: 'Sign out everywhere', variant: 'secondary', size: 'md' }}
      title="Sign out everywhere?"
      description="Every browser signed in as you, this one included, is signed out. API tokens keep working: revoke them on the API tokens tab."
      confirmLabel="Sign out everywhere"
      action={action}
    />
  );
}
