import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/catalog/data-table';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { ActionButton, AddWebhookDialog } from '@/components/settings/webhook-controls';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import type { DeliveryStatus } from '@/lib/notify/event-types';
import { listWebhookDeliveries } from '@/lib/notify/list-webhook-deliveries';
import { listWebhooks } from '@/lib/notify/list-webhooks';
import { createWebhookAction, deleteWebhookAction, retryDeliveryAction, sendTestEventAction, setWebhookActiveAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

const STATUS: Record<DeliveryStatus, { tone: BadgeTone; label: string }> = {
  PENDING: { tone: 'amber', label: 'Pending' },
  SUCCEEDED: { tone: 'green', label: 'Delivered' },
  FAILED: { tone: 'red', label: 'Failed' },
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor('users:manage');
  const search = await searchParams;
  const { data: webhooks } = await listWebhooks({ limit: 200, cursor: undefined });
  const asked = idParamSchema.safeParse(Array.isArray(search.webhook) ? search.webhook[0] : search.webhook);
  const selected = webhooks.find((webhook) => asked.success && webhook.id === asked.data) ?? webhooks[0];
  const deliveries = selected ? (await listWebhookDeliveries({ webhookId: selected.id, limit: 50, cursor: undefined })).data : [];

  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${actor.email} (${ROLE_LABELS[actor.role]}).`} />
      <SettingsTabs current="webhooks" showUsers />
      <div className="space-y-6">
        <Card>
          <header className="flex flex-col items-start gap-3 border-b border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="text-sm font-semibold text-slate-800">Webhooks</h2>
              <p className="mt-0.5 text-sm text-slate-500">
                Tell other systems, or a Slack channel, when stock runs low, comes back, moves or arrives. Each event is signed (Standard Webhooks) and retried for about
                seven hours until the receiver answers 2xx.
              </p>
            </div>
            <AddWebhookDialog action={createWebhookAction} />
          </header>
          {webhooks.length === 0 ? (
            <EmptyState title="No webhooks" description="Add one to send low-stock alerts to Slack or to another system." />
          ) : (
            <DataTable
              caption="Webhooks"
              rows={webhooks}
              rowKey={(webhook) => webhook.id}
              columns={[
                {
                  key: 'url',
                  header: 'URL',
                  cell: (webhook) => (
                    <div className="min-w-0">
                      <Link href={`/settings/webhooks?webhook=${webhook.id}`} className="break-all font-medium text-brand-700 hover:underline" aria-current={webhook.id === selected?.id ? 'true' : undefined}>
                        {webhook.url}
                      </Link>
                      {webhook.description && <p className="text-xs text-slate-500">{webhook.description}</p>}
                    </div>
                  ),
                },
                { key: 'events', header: 'Events', cell: (webhook) => <span className="font-mono text-xs text-slate-600">{webhook.events.join(', ')}</span> },
                { key: 'format', header: 'Format', cell: (webhook) => <span className="text-slate-600">{webhook.format === 'slack' ? 'Slack' : 'Standard'}</span> },
                { key: 'status', header: 'Status', cell: (webhook) => (webhook.active ? <Badge tone="green">Active</Badge> : <Badge tone="neutral">Paused</Badge>) },
              ]}
              actions={(webhook) => (
                <div className="flex flex-wrap justify-end gap-2 lg:flex-nowrap">
                  {webhook.active && <ActionButton action={sendTestEventAction} fields={{ id: String(webhook.id) }} label="Send test event" ariaLabel={`Send a test event to ${webhook.url}`} />}
                  <ActionButton
                    action={setWebhookActiveAction}
                    fields={{ id: String(webhook.id), active: String(!webhook.active) }}
                    label={webhook.active ? 'Pause' : 'Resume'}
                    ariaLabel={`${webhook.active ? 'Pause' : 'Resume'} ${webhook.url}`}
                    variant="ghost"
                  />
                  <ConfirmDialog
                    trigger={{ label: 'Delete', ariaLabel: `Delete ${webhook.url}`, className: 'text-red-700! hover:bg-red-50!' }}
                    title="Delete this webhook?"
                    description={<>Nothing more is sent to {webhook.url}, and its delivery log goes with it. The activity log keeps a record.</>}
                    confirmLabel="Delete webhook"
                    action={deleteWebhookAction}
                    hidden={{ id: String(webhook.id) }}
                  />
                </div>
              )}
            />
          )}
        </Card>

        {selected && (
          <Card>
            <header className="border-b border-slate-100 px-5 py-4">
              <h2 className="text-sm font-semibold text-slate-800">Delivery log</h2>
              <p className="mt-0.5 text-sm text-slate-500">
                The last 50 events sent to <span className="break-all">{selected.url}</span>, newest first. A retry sends the same event again, with the same <code className="font-mono text-xs">webhook-id</code>.
              </p>
            </header>
            {deliveries.length === 0 ? (
              <EmptyState title="Nothing sent yet" description="Events appear here as they happen. Send a test event to try the webhook now." />
            ) : (
              <DataTable
                caption={`Delivery log of ${selected.url}`}
                rows={deliveries}
                rowKey={(delivery) => delivery.id}
                columns={[
                  {
                    key: 'event',
                    header: 'Event',
                    cell: (delivery) => (
                      <div>
                        <span className="font-medium text-slate-900">{delivery.eventType}</span>
                        <span className="block font-mono text-xs text-slate-500" title={delivery.eventId}>
                          {delivery.eventId.slice(0, 16)}…
                        </span>
                      </div>
                    ),
                  },
                  { key: 'created', header: 'Happened', cell: (delivery) => <span className="text-slate-600">{formatDateTime(new Date(delivery.createdAt))}</span> },
                  { key: 'status', header: 'Status', cell: (delivery) => <Badge tone={STATUS[delivery.status].tone}>{STATUS[delivery.status].label}</Badge> },
                  { key: 'attempts', header: 'Attempts', align: 'right', cell: (delivery) => <span className="tabular-nums text-slate-600">{delivery.attempts}</span> },
                  {
                    key: 'answer',
                    header: 'Last answer',
                    cell: (delivery) => (
                      <span className="break-words text-slate-600">
                        {delivery.lastError ?? (delivery.lastStatusCode !== null ? `HTTP ${delivery.lastStatusCode}` : '—')}
                        {delivery.nextAttemptAt && <span className="block text-xs text-slate-500">Next attempt {formatDateTime(new Date(delivery.nextAttemptAt))}</span>}
                      </span>
                    ),
                  },
                ]}
                actions={(delivery) => (
                  <ActionButton
                    action={retryDeliveryAction}
                    fields={{ id: String(selected.id), deliveryId: String(delivery.id) }}
                    label="Retry"
                    ariaLabel={`Retry ${delivery.eventType} ${delivery.eventId}`}
                    variant="ghost"
                  />
                )}
              />
            )}
          </Card>
        )}
      </div>
    </>
  );
}
