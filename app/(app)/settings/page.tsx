import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { DataTable, MoreLink } from '@/components/catalog/data-table';
import { CreateTokenDialog } from '@/components/settings/create-token-dialog';
import { SettingsTabs, type SettingsTab } from '@/components/settings/settings-tabs';
import { ChangePasswordForm, ProfileForm, SignOutEverywhereButton } from '@/components/settings/account-forms';
import { CreateUserDialog, EditUserDialog, SetPasswordDialog } from '@/components/settings/user-form-dialogs';
import { ShopSettingsForm } from '@/components/settings/shop-settings-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import type { Actor } from '@/lib/auth/actor';
import { getAccount } from '@/lib/auth/get-account';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { listUsers } from '@/lib/auth/list-users';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can, ROLE_LABELS } from '@/lib/auth/roles';
import { formatDate, formatDateTime } from '@/lib/format';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { pageQuerySchema } from '@/lib/pagination';
import { getRequestShopSettings } from '@/lib/settings/get-shop-settings';
import { currencyOptions, timeZoneOptions } from '@/lib/settings/setting-options';
import {
  changePasswordAction,
  createTokenAction,
  createUserAction,
  revokeTokenAction,
  setUserDisabledAction,
  setUserPasswordAction,
  signOutEverywhereAction,
  updateProfileAction,
  updateUserAction,
} from './actions';
import { updateShopSettingsAction } from './shop-actions';

export const metadata: Metadata = { title: 'Settings' };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function TokensSection({ actor, owner }: { actor: Actor; owner: { id: number; name: string; email: string } }) {
  const own = owner.id === actor.id;
  const { data: tokens } = await listApiTokens({ userId: owner.id, limit: 200, cursor: undefined });
  return (
    <Card>
      <header className="flex flex-col items-start gap-3 border-b border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 className="text-sm font-semibold text-slate-800">{own ? 'My API tokens' : `API tokens of ${owner.name}`}</h2>
          {own ? (
            <p className="mt-0.5 text-sm text-slate-500">
              For scripts and integrations: send <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-700">Authorization: Bearer &lt;token&gt;</code>. A
              write token can do what you can do; a read token only reads. Tokens expire.
            </p>
          ) : (
            <p className="mt-0.5 break-all text-sm text-slate-500">
              {owner.email}: revoke any that should no longer work. <Link href="/settings?tab=users" className="font-medium text-brand-700 hover:underline">Back to users</Link>
            </p>
          )}
        </div>
        {own && <CreateTokenDialog action={createTokenAction} />}
      </header>
      {tokens.length === 0 ? (
        <EmptyState
          title="No API tokens"
          description={own ? 'Create one to let a script or another system use Stockroom on your behalf.' : `${owner.name} holds no token that still works.`}
        />
      ) : (
        <DataTable
          caption={own ? 'My API tokens' : `API tokens of ${owner.name}`}
          rows={tokens}
          rowKey={(token) => token.id}
          columns={[
            { key: 'name', header: 'Name', cell: (token) => <span className="font-medium break-words text-slate-900">{token.name}</span> },
            { key: 'prefix', header: 'Token', cell: (token) => <span className="whitespace-nowrap font-mono text-xs text-slate-600">{token.prefix}…</span> },
            { key: 'scope', header: 'Access', cell: (token) => (token.scope === 'read' ? <Badge tone="neutral">Read only</Badge> : <Badge tone="blue">Read and write</Badge>) },
            { key: 'created', header: 'Created', cell: (token) => <span className="whitespace-nowrap text-slate-600">{formatDate(token.createdAt)}</span> },
            { key: 'expires', header: 'Expires', cell: (token) => <span className="whitespace-nowrap text-slate-600">{formatDate(token.expiresAt)}</span> },
            {
              key: 'lastUsed',
              header: 'Last used',
              cell: (token) => (token.lastUsedAt ? <span className="whitespace-nowrap text-slate-600">{formatDateTime(token.lastUsedAt)}</span> : <span className="text-slate-500">Never</span>),
            },
          ]}
          actions={(token) => (
            <ConfirmDialog
              trigger={{ label: 'Revoke', ariaLabel: `Revoke ${token.name}`, className: 'text-red-700! hover:bg-red-50!' }}
              title="Revoke this token?"
              description={
                <>
                  Anything still using “{token.name}” ({token.prefix}…) is refused from now on. This cannot be undone.
                </>
              }
              confirmLabel="Revoke token"
              action={revokeTokenAction}
              hidden={{ id: String(token.id) }}
            />
          )}
        />
      )}
    </Card>
  );
}

async function AccountSection({ actor, passwordChanged }: { actor: Actor; passwordChanged: boolean }) {
  const account = await getAccount({ userId: actor.id });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {passwordChanged && (
        <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800 lg:col-span-2">
          Password changed. Every other device has been signed out.
        </p>
      )}
      <Card>
        <header className="border-b border-slate-100 px-5 py-4">
          <h2 className="text-sm font-semibold text-slate-800">Profile</h2>
          <p className="mt-0.5 break-all text-sm text-slate-500">You sign in as {account.email}.</p>
        </header>
        <div className="px-5 py-4">
          <ProfileForm action={updateProfileAction} name={account.name} notifyLowStock={account.notifyLowStock} />
        </div>
      </Card>
      <Card>
        <header className="border-b border-slate-100 px-5 py-4">
          <h2 className="text-sm font-semibold text-slate-800">Password</h2>
          <p className="mt-0.5 text-sm text-slate-500">Changing it signs you out on every other device.</p>
        </header>
        <div className="px-5 py-4">
          <ChangePasswordForm action={changePasswordAction} />
        </div>
      </Card>
      <Card className="lg:col-span-2">
        <div className="flex flex-col items-start gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 className="text-sm font-semibold text-slate-800">Sessions</h2>
            <p className="mt-0.5 text-sm text-slate-500">A sign-in lasts at most 12 hours. Lost a phone, or signed in on a shared computer? End every session at once.</p>
          </div>
          <SignOutEverywhereButton action={signOutEverywhereAction} />
        </div>
      </Card>
    </div>
  );
}

async function UsersSection({ actor, cursor }: { actor: Actor; cursor?: string }) {
  const query = pageQuerySchema.safeParse({ limit: '100', cursor });
  const page = await listUsers(query.success ? query.data : { limit: 100, cursor: undefined });
  return (
    <Card>
      <header className="flex flex-col items-start gap-3 border-b border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 className="text-sm font-semibold text-slate-800">Users and roles</h2>
          <p className="mt-0.5 text-sm text-slate-500">Who can sign in, and what each person may do. Disabled people cannot sign in and their tokens stop working.</p>
        </div>
        <CreateUserDialog action={createUserAction} />
      </header>
      <DataTable
        caption="Users"
        rows={page.data}
        rowKey={(user) => user.id}
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (user) => (
              <span className="block min-w-0">
                <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  {user.name}
                  {user.id === actor.id && <Badge tone="blue">You</Badge>}
                </span>
                <span className="block break-all text-xs text-slate-500">{user.email}</span>
              </span>
            ),
          },
          { key: 'role', header: 'Role', cell: (user) => <Badge tone={user.role === 'ADMIN' ? 'blue' : 'neutral'}>{ROLE_LABELS[user.role]}</Badge> },
          { key: 'status', header: 'Status', cell: (user) => (user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>) },
          { key: 'created', header: 'Added', cell: (user) => <span className="whitespace-nowrap text-slate-600">{formatDate(user.createdAt)}</span> },
        ]}
        actions={(user) => (
          <>
            <EditUserDialog action={updateUserAction} user={{ id: user.id, name: user.name, email: user.email, role: user.role }} />
            <SetPasswordDialog action={setUserPasswordAction} user={{ id: user.id, name: user.name, email: user.email, role: user.role }} />
            <Link
              href={`/settings?tab=tokens&userId=${user.id}`}
              aria-label={`API tokens of ${user.name}`}
              className="inline-flex items-center rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              Tokens
            </Link>
            {user.disabled ? (
              <ConfirmDialog
                trigger={{ label: 'Enable', ariaLabel: `Enable ${user.name}` }}
                title={`Enable ${user.name}?`}
                description={<>{user.email} can sign in again, and their API tokens work again.</>}
                confirmLabel="Enable"
                tone="primary"
                action={setUserDisabledAction}
                hidden={{ id: String(user.id), disabled: 'false' }}
              />
            ) : (
              <ConfirmDialog
                trigger={{ label: 'Disable', ariaLabel: `Disable ${user.name}`, className: 'text-red-700! hover:bg-red-50!' }}
                title={`Disable ${user.name}?`}
                description={
                  <>
                    {user.email} can no longer sign in, and their API tokens are refused. Their history stays. You can enable them again later.
                    {user.id === actor.id ? ' This is your own account: you will be signed out.' : ''}
                  </>
                }
                confirmLabel="Disable"
                action={setUserDisabledAction}
                hidden={{ id: String(user.id), disabled: 'true' }}
              />
            )}
          </>
        )}
      />
      <MoreLink href={page.nextCursor ? `/settings?tab=users&cursor=${encodeURIComponent(page.nextCursor)}` : null} shown={page.data.length} noun={page.data.length === 1 ? 'user' : 'users'} />
    </Card>
  );
}

async function ShopSection() {
  const settings = await getRequestShopSettings();
  return (
    <Card className="max-w-2xl">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 className="text-sm font-semibold text-slate-800">Shop</h2>
        <p className="mt-0.5 text-sm text-slate-500">The shop&apos;s name, the currency of its prices and the time zone of its days, for everyone who signs in.</p>
      </header>
      <div className="px-5 py-4">
        <ShopSettingsForm action={updateShopSettingsAction} settings={settings} currencies={currencyOptions(settings.currency)} timeZones={timeZoneOptions(settings.timezone)} />
      </div>
    </Card>
  );
}

/** The tab asked for, when this person may see it; otherwise their own tokens. */
function tabOf(requested: string | undefined, canManageUsers: boolean): SettingsTab {
  if (requested === 'account') return 'account';
  if (requested === 'users' && canManageUsers) return 'users';
  if (requested === 'shop' && canManageUsers) return 'shop';
  return 'tokens';
}

/** Whose tokens to list: one's own, or (an ADMIN, `?userId=`) anyone's. */
async function tokenOwner(actor: Actor, requested: string | undefined, canManageUsers: boolean) {
  const id = idParamSchema.safeParse(requested);
  if (!canManageUsers || !id.success || id.data === actor.id) return { id: actor.id, name: actor.name, email: actor.email };
  try {
    return await getAccount({ userId: id.data });
  } catch {
    notFound();
  }
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const canManageUsers = can(actor.role, 'users:manage');
  const tab = tabOf(one(search.tab), canManageUsers);
  const owner = tab === 'tokens' ? await tokenOwner(actor, one(search.userId), canManageUsers) : undefined;
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${actor.email} (${ROLE_LABELS[actor.role]}).`} />
      <SettingsTabs current={tab} showUsers={canManageUsers} />
      {tab === 'users' && <UsersSection actor={actor} cursor={one(search.cursor)} />}
      {tab === 'shop' && <ShopSection />}
      {tab === 'account' && <AccountSection actor={actor} passwordChanged={one(search.password) === 'changed'} />}
      {owner && <TokensSection actor={actor} owner={owner} />}
      {owner?.id === actor.id && (
        <p className="mt-3 text-xs text-slate-500">
          Scripts can also get a token without the app: <span className="font-mono">POST /api/tokens</span> with an email, a password, a token name and,
          if you like, <span className="font-mono">scope</span> and <span className="font-mono">expiresInDays</span>. Every endpoint is in the{' '}
          <Link href="/api/docs" prefetch={false} className="font-medium text-brand-700 hover:underline">API reference</Link>.
        </p>
      )}
    </>
  );
}
