'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { alertBadgeText, isActive, NAV_ITEMS } from './nav-items';

/**
 * A small spinner beside the link being followed. The signed-in pages have no loading.tsx
 * (a Suspense boundary there commits the response to 200 before a page can answer 404), so
 * during a navigation the old page stays up and this shows that the click was taken.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <span className="h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600 motion-reduce:animate-none" aria-hidden="true" /> : null;
}

/** The section links; the active one is highlighted and marked aria-current. */
export function NavLinks({ activeAlertCount, onNavigate }: { activeAlertCount: number; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.href);
        const showAlertBadge = item.href === '/alerts' && activeAlertCount > 0;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={`group flex h-10 items-center gap-3 rounded-lg px-3 text-sm font-medium transition-colors lg:h-9 ${
                active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
              }`}
            >
              <svg
                viewBox="0 0 24 24"
                className={`h-5 w-5 shrink-0 ${active ? 'text-brand-600' : 'text-slate-400 group-hover:text-slate-500'}`}
                fill="none"
                stroke="currentColor"
                strokeWidth="1.7"
                strokeLinecap="round"
                strokeLinejoin="round"
                aria-hidden="true"
              >
                <path d={item.icon} />
              </svg>
              <span className="flex-1 truncate">{item.label}</span>
              <PendingMark />
              {showAlertBadge && (
                <>
                  <span className="min-w-6 rounded-full bg-red-600 px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums leading-4 text-white" aria-hidden="true">
                    {alertBadgeText(activeAlertCount)}
                  </span>
                  <span className="sr-only">({activeAlertCount} active)</span>
                </>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
