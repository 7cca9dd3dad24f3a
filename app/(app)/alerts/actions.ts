'use server';

import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { dismissAlert } from '@/lib/inventory/dismiss-alert';

export const dismissAlertAction = formAction({
  permission: 'alerts:write',
  ids: { names: ['id'], gone: 'This alert no longer exists. Reload the page.' },
  run: ({ ids, actor }) => dismissAlert({ id: ids.id, actorId: actor.id }),
  // The layout's nav badge counts active alerts: re-render it along with this page.
  revalidate: [EVERY_PAGE],
  success: () => 'Alert dismissed. It stays quiet until stock recovers.',
});
