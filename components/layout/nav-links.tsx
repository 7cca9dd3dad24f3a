'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActive, NAV_ITEMS } from './nav-items';

/** The section links; the active one is highlighted and marked aria-current. */
export function NavLinks({ activeAlertCount, onNavigate }: { activeAlertCount: number; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={`group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
              }`}
            >
              <svg viewBox="0 0 24 24" className={`h-5 w-5 shrink-0 ${active ? 'text-brand-600' : 'text-slate-400 group-hover:text-slate-500'}`} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                <path d={item.icon} />
              </svg>
              <span className="flex-1">{item.label}</span>
              {item.href === '/alerts' && activeAlertCount > 0 && (
                <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" aria-label={`${activeAlertCount} active alerts`}>
                  {activeAlertCount}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
