'use server';

import { EVERY_PAGE, formAction } from '@/lib/forms/form-action';
import { archiveLedger, archiveLedgerInputSchema } from '@/lib/inventory/ledger/archive-ledger';

/** Archives the ledger before a day (ADMIN): reports and product pages read it, so all re-render. */
export const archiveLedgerAction = formAction({
  permission: 'users:manage',
  fields: ['before'],
  schema: archiveLedgerInputSchema,
  run: ({ input, actor }) => archiveLedger({ before: input.before, actorId: actor.id }),
  revalidate: [EVERY_PAGE],
  success: ({ answer }) => `${answer.archived.toLocaleString('en-US')} movements archived (before ${answer.before}).`,
});
