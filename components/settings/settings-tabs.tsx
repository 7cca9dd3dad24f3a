import { type TabLink, TabLinks } from '@/components/ui/tab-links';

export type SettingsTab = 'tokens' | 'account' | 'users' | 'activity' | 'shop' | 'webhooks' | 'ledger';

/** Sections of the settings page as links; only admins see the users section. */
export function SettingsTabs({ current, showUsers }: { current: SettingsTab; showUsers: boolean }) {
  const tabs: Array<TabLink<SettingsTab>> = [
    { key: 'tokens', label: 'My API tokens', href: '/settings' },
    { key: 'account', label: 'My account', href: '/settings?tab=account' },
    ...(showUsers
      ? ([
          { key: 'users', label: 'Users and roles', href: '/settings?tab=users' },
          { key: 'activity', label: 'Activity', href: '/settings/activity' },
          { key: 'shop', label: 'Shop', href: '/settings?tab=shop' },
          { key: 'webhooks', label: 'Webhooks', href: '/settings/webhooks' },
          { key: 'ledger', label: 'Ledger archive', href: '/settings/ledger' },
        ] satisfies Array<TabLink<SettingsTab>>)
      : []),
  ];
  return <TabLinks label="Settings sections" tabs={tabs} current={current} className="mb-6" />;
}
