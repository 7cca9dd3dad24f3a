'use server';

import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { updateShopSettingsSchema } from '@/lib/settings/settings-schemas';
import { updateShopSettings } from '@/lib/settings/update-shop-settings';

/** The shop's name, currency and time zone (ADMIN): every page shows them, so all re-render. */
export const updateShopSettingsAction = formAction({
  permission: 'users:manage',
  fields: ['shopName', 'currency', 'timezone'],
  schema: updateShopSettingsSchema,
  run: ({ input, actor }) => updateShopSettings({ actorId: actor.id, input }),
  revalidate: [EVERY_PAGE],
  success: () => 'Shop settings saved.',
});
