import { TabLinks } from '@/components/ui/tab-links';

export type AlertTab = 'active' | 'dismissed' | 'resolved';

const TABS: Array<{ tab: AlertTab; label: string }> = [
  { tab: 'active', label: 'Active' },
  { tab: 'dismissed', label: 'Dismissed' },
  { tab: 'resolved', label: 'Resolved' },
];

/** The three alert lists, each a URL of its own; Active carries the count. */
export function AlertStatusTabs({ current, activeCount }: { current: AlertTab; activeCount: number }) {
  const tabs = TABS.map(({ tab, label }) => ({
    key: tab,
    href: tab === 'active' ? '/alerts' : `/alerts?status=${tab}`,
    label: (
      <>
        {label}
        {tab === 'active' && activeCount > 0 && (
          <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" aria-label={`${activeCount} active`}>
            {activeCount}
          </span>
        )}
      </>
    ),
  }));
  return <TabLinks label="Alert status" tabs={tabs} current={current} className="mb-4" />;
}
