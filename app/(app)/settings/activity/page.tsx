import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { DataTable } from '@/components/catalog/data-table';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { AUDIT_ENTITIES, auditLogQuerySchema, listAuditLog, type AuditEntity, type AuditLogEntry } from '@/lib/audit-log/list-audit-log';
import { listUsers } from '@/lib/auth/list-users';
import { requirePageActor } from '@/lib/auth/page-actor';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { displayTimeZone, formatDateTime } from '@/lib/format';
import { decodeCursor } from '@/lib/pagination';
import { AuditChanges } from './audit-changes';

export const metadata: Metadata = { title: 'Activity' };

const PAGE_SIZE = 50;

const ENTITY_LABELS: Record<AuditEntity, string> = {
  product: 'Products',
  category: 'Categories',
  supplier: 'Suppliers',
  location: 'Locations',
  productSupplier: 'Product suppliers',
  alert: 'Alerts',
  user: 'Users',
  token: 'API tokens',
  purchaseOrder: 'Purchase orders',
  webhook: 'Webhooks',
  shopSettings: 'Shop settings',
  ledgerArchive: 'Ledger archive runs',
};

/** Where an entry's record can be seen, when it has a page of its own. */
const PAGE_OF: Partial<Record<string, (id: number) => string>> = {
  product: (id) => `/products/${id}`,
  productSupplier: (id) => `/products/${id}`,
  supplier: (id) => `/suppliers/${id}`,
};

const ACTION_TONE: Record<string, 'green' | 'blue' | 'red'> = { CREATE: 'green', UPDATE: 'blue', DELETE: 'red' };

type SearchParams = Record<string, string | string[] | undefined>;

/** Everyone who could have changed something, for the person filter (a shop has a handful; the bound stops a runaway loop). */
async function everyone() {
  const people: Awaited<ReturnType<typeof listUsers>>['data'] = [];
  let cursor: number | undefined;
  for (let page = 0; page < 10; page += 1) {
    const { data, nextCursor } = await listUsers({ limit: 200, cursor });
    people.push(...data);
    cursor = nextCursor ? decodeCursor(nextCursor) : undefined;
    if (cursor === undefined) break;
  }
  return people;
}

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function queryString(params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor('users:manage');
  const search = await searchParams;
  const values = { entity: one(search.entity), actorId: one(search.actorId), from: one(search.from), to: one(search.to) };
  const cursor = one(search.cursor);
  const parsed = auditLogQuerySchema.safeParse({ ...Object.fromEntries(Object.entries(values).filter(([, value]) => value)), limit: String(PAGE_SIZE), cursor });
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'entity')] ??= issue.message;
  const [page, people] = await Promise.all([
    parsed.success ? listAuditLog({ filter: parsed.data, limit: parsed.data.limit, cursor: parsed.data.cursor }) : Promise.resolve(null),
    everyone(),
  ]);
  const filtered = Object.values(values).some(Boolean);

  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${actor.email} (${ROLE_LABELS[actor.role]}).`} />
      <SettingsTabs current="activity" showUsers />
      <Card>
        <header className="border-b border-slate-100 px-5 py-4">
          <h2 className="text-sm font-semibold text-slate-800">Activity</h2>
          <p className="mt-0.5 text-sm text-slate-500">
            Who changed the catalog, users and alerts, and what changed, newest first. Stock movements are in the ledger. Passwords and token secrets are never recorded.
          </p>
        </header>
        <Form action="/settings/activity" className="border-b border-slate-100 px-5 py-4" aria-label="Filter activity">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Select label="Record" name="entity" defaultValue={values.entity} error={errors.entity}>
              <option value="">Everything</option>
              {AUDIT_ENTITIES.map((entity) => (
                <option key={entity} value={entity}>
                  {ENTITY_LABELS[entity]}
                </option>
              ))}
            </Select>
            <Select label="Person" name="actorId" defaultValue={values.actorId} error={errors.actorId}>
              <option value="">Anyone</option>
              {people.map((person) => (
                <option key={person.id} value={String(person.id)}>
                  {person.name} ({person.email})
                </option>
              ))}
            </Select>
            <Field label="From" name="from" type="date" defaultValue={values.from} error={errors.from} />
            <Field label="To" name="to" type="date" defaultValue={values.to} error={errors.to} />
          </div>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
            <p className="text-xs text-slate-500">Dates are whole days in {displayTimeZone()}; “To” includes that day.</p>
            <div className="flex gap-2">
              <Link href="/settings/activity" className="inline-flex h-10 items-center rounded-lg px-4 text-sm font-medium text-slate-700 hover:bg-slate-100">
                Clear
              </Link>
              <Button type="submit">Apply filters</Button>
            </div>
          </div>
        </Form>
        {errors.cursor && (
          <p role="alert" className="mx-5 mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            This page link is no longer valid: start again from the newest entries.
          </p>
        )}
        {!page ? (
          <EmptyState title="Check the filters" description="One of the filters above needs attention." />
        ) : page.data.length === 0 ? (
          <EmptyState title={cursor ? 'No older entries' : filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'} description={filtered ? 'Try a wider date range or clear the filters.' : undefined} />
        ) : (
          <DataTable<AuditLogEntry>
            caption="Activity, newest first"
            rows={page.data}
            rowKey={(entry) => entry.id}
            columns={[
              {
                key: 'what',
                header: 'What',
                cell: (entry) => {
                  const href = PAGE_OF[entry.entity]?.(entry.entityId);
                  const label = `${ENTITY_LABELS[entry.entity as AuditEntity] ?? entry.entity} #${entry.entityId}`;
                  return (
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone={ACTION_TONE[entry.action] ?? 'neutral'}>{entry.action.charAt(0) + entry.action.slice(1).toLowerCase()}</Badge>
                      {href ? (
                        <Link href={href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                          {label}
                        </Link>
                      ) : (
                        <span className="font-medium text-slate-900">{label}</span>
                      )}
                    </span>
                  );
                },
              },
              { key: 'changes', header: 'Changes', cell: (entry) => <AuditChanges entry={entry} />, className: 'max-w-md' },
              { key: 'who', header: 'Who', cell: (entry) => <span className="break-all text-slate-700">{entry.actorEmail ?? 'System'}</span> },
              {
                key: 'when',
                header: 'When',
                cell: (entry) => (
                  <time dateTime={entry.createdAt} className="whitespace-nowrap text-slate-600">
                    {formatDateTime(new Date(entry.createdAt))}
                  </time>
                ),
              },
            ]}
          />
        )}
        {(cursor || page?.nextCursor) && (
          <nav aria-label="Activity pages" className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm">
            {cursor ? (
              <Link href={`/settings/activity${queryString(values)}`} className="font-medium text-brand-600 hover:text-brand-700">
                ← Newest
              </Link>
            ) : (
              <span className="text-slate-500">Latest {PAGE_SIZE}</span>
            )}
            {page?.nextCursor && (
              <Link href={`/settings/activity${queryString({ ...values, cursor: page.nextCursor })}`} className="font-medium text-brand-600 hover:text-brand-700">
                Older entries →
              </Link>
            )}
          </nav>
        )}
      </Card>
    </>
  );
}
