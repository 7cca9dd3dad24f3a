import Link from 'next/link';

export type AlertTab = 'active' | 'dismissed' | 'resolved';

const TABS: Array<{ tab: AlertTab; label: string }> = [
  { tab: 'active', label: 'Active' },
  { tab: 'dismissed', label: 'Dismissed' },
  { tab: 'resolved', label: 'Resolved' },
];

/** The three alert lists as links (each a URL of its own), the current one marked for screen readers. */
export function AlertStatusTabs({ current, activeCount }: { current: AlertTab; activeCount: number }) {
  return (
    <nav aria-label="Alert status" className="mb-4 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map(({ tab, label }) => {
          const selected = tab === current;
          return (
            <li key={tab}>
              <Link
                href={tab === 'active' ? '/alerts' : `/alerts?status=${tab}`}
                aria-current={selected ? 'page' : undefined}
                className={`inline-flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors ${
                  selected ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
                }`}
              >
                {label}
                {tab === 'active' && activeCount > 0 && (
                  <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" aria-label={`${activeCount} active`}>
                    {activeCount}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
