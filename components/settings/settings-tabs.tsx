import Link from 'next/link';
import { TabStrip } from '@/components/ui/tab-strip';

export type SettingsTab = 'tokens' | 'account' | 'users' | 'activity' | 'shop' | 'webhooks' | 'ledger';

/** Sections of the settings page as links; only admins see the users section. */
export function SettingsTabs({ current, showUsers }: { current: SettingsTab; showUsers: boolean }) {
  const tabs: Array<{ tab: SettingsTab; label: string; href: string }> = [
    { tab: 'tokens', label: 'My API tokens', href: '/settings' },
    { tab: 'account', label: 'My account', href: '/settings?tab=account' },
    ...(showUsers ? [{ tab: 'users' as const, label: 'Users and roles', href: '/settings?tab=users' }] : []),
    ...(showUsers ? [{ tab: 'activity' as const, label: 'Activity', href: '/settings/activity' }] : []),
    ...(showUsers ? [{ tab: 'shop' as const, label: 'Shop', href: '/settings?tab=shop' }] : []),
    ...(showUsers ? [{ tab: 'webhooks' as const, label: 'Webhooks', href: '/settings/webhooks' }] : []),
    ...(showUsers ? [{ tab: 'ledger' as const, label: 'Ledger archive', href: '/settings/ledger' }] : []),
  ];
  return (
    <nav aria-label="Settings sections" className="mb-6 border-b border-slate-200">
      <TabStrip className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map(({ tab, label, href }) => {
          const selected = tab === current;
          return (
            <li key={tab}>
              <Link
                href={href}
                aria-current={selected ? 'page' : undefined}
                className={`inline-flex whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors ${
                  selected ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </TabStrip>
    </nav>
  );
}
