'use client';

import { toast } from 'sonner';
import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';
import type { ShopSettings } from '@/lib/settings/get-shop-settings';

/** The shop's name, currency and time zone; the choices come from the server (Intl's lists). */
export function ShopSettingsForm({
  action,
  settings,
  currencies,
  timeZones,
}: {
  action: FormAction;
  settings: ShopSettings;
  currencies: SelectOption[];
  timeZones: SelectOption[];
}) {
  return (
    <ActionForm action={action} fieldNames={['shopName', 'currency', 'timezone']} submitLabel="Save shop settings" onSuccess={(state) => toast.success(state.message)}>
      {({ errors, values }) => (
        <>
          <Field label="Shop name" name="shopName" required maxLength={80} defaultValue={values.shopName ?? settings.shopName} hint="Shown in the sidebar and in the browser's tab." error={errors.shopName} />
          <Select
            label="Currency"
            name="currency"
            options={currencies}
            defaultValue={values.currency ?? settings.currency}
            hint="Prices and values on every page are shown in it. The API, CSV and JSON keep plain decimals such as 12.50."
            error={errors.currency}
          />
          <Select
            label="Time zone"
            name="timezone"
            options={timeZones}
            defaultValue={values.timezone ?? settings.timezone}
            hint="Where the shop's day begins and ends: dates on every page, the dashboard's days, and every date filter and report “as of” a day."
            error={errors.timezone}
          />
        </>
      )}
    </ActionForm>
  );
}
