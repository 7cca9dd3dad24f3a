'use client';

import type { FormAction } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { Select } from '@/components/ui/select';

const ROLE_OPTIONS = [
  { value: 'VIEWER', label: 'Viewer: reads everything, changes nothing' },
  { value: 'CLERK', label: 'Clerk: posts receipts, shipments, transfers and counts' },
  { value: 'MANAGER', label: 'Manager: also the catalog, alerts and reports' },
  { value: 'ADMIN', label: 'Admin: everything, including users and exports' },
] as const;

function RoleSelect({ value, error }: { value: string; error?: string }) {
  return (
    <Select label="Role" name="role" defaultValue={value} error={error}>
      {ROLE_OPTIONS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

export function CreateUserDialog({ action }: { action: FormAction }) {
  return (
    <FormDialog
      trigger={{ label: 'Add user' }}
      title="Add a user"
      description="They sign in with this email and password; tell them the password in person or over a safe channel."
      submitLabel="Add user"
      action={action}
      fieldNames={['email', 'name', 'password', 'role']}
    >
      {({ errors, values }) => (
        <>
          <Field label="Email" name="email" type="email" required autoComplete="off" maxLength={254} defaultValue={values.email ?? ''} error={errors.email} />
          <Field label="Name" name="name" required autoComplete="off" maxLength={120} defaultValue={values.name ?? ''} error={errors.name} />
          <Field label="Password" name="password" type="password" required autoComplete="new-password" minLength={10} hint="10 to 72 bytes (at least 10 characters)." error={errors.password} />
          <RoleSelect value={values.role ?? 'VIEWER'} error={errors.role} />
        </>
      )}
    </FormDialog>
  );
}

export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: string;
}

export function EditUserDialog({ action, user }: { action: FormAction; user: UserRow }) {
  return (
    <FormDialog
      trigger={{ label: 'Edit', ariaLabel: `Edit ${user.name}`, variant: 'ghost', size: 'sm' }}
      title={`Edit ${user.email}`}
      submitLabel="Save changes"
      action={action}
      hidden={{ id: String(user.id) }}
      fieldNames={['name', 'role']}
    >
      {({ errors, values }) => (
        <>
          <Field label="Name" name="name" required autoComplete="off" maxLength={120} defaultValue={values.name ?? user.name} error={errors.name} />
          <RoleSelect value={values.role ?? user.role} error={errors.role} />
        </>
      )}
    </FormDialog>
  );
}

/** An ADMIN sets a user's password (a forgotten one); that user is signed out everywhere. */
export function SetPasswordDialog({ action, user }: { action: FormAction; user: UserRow }) {
  return (
    <FormDialog
      trigger={{ label: 'Set password', ariaLabel: `Set password for ${user.name}`, variant: 'ghost', size: 'sm' }}
      title={`Set a password for ${user.email}`}
      description="They are signed out everywhere and sign in with this password; tell them in person or over a safe channel."
      submitLabel="Set password"
      action={action}
      hidden={{ id: String(user.id) }}
      fieldNames={['newPassword']}
    >
      {({ errors }) => (
        <Field label="New password" name="newPassword" type="password" required autoComplete="new-password" minLength={10} hint="10 to 72 bytes (at least 10 characters)." error={errors.newPassword} />
      )}
    </FormDialog>
  );
}
