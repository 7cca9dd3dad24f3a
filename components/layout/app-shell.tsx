'use client';

import { Dialog, DialogPanel } from '@headlessui/react';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { alertBadgeText } from './nav-items';
import { NavLinks } from './nav-links';
import { useActiveAlertCount } from './use-active-alert-count';

interface ShellUser {
  name: string;
  email: string;
  roleLabel: string;
}

/** The shop's own name (shop settings), cut with an ellipsis when it is long. */
function Brand({ shopName }: { shopName: string }) {
  return (
    <Link href="/" className="flex min-w-0 items-center gap-2 px-3 text-base font-semibold text-slate-900" title={shopName}>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src="/favicon.svg" alt="" className="h-7 w-7 shrink-0" />
      <span className="truncate">{shopName}</span>
    </Link>
  );
}

function UserPanel({ user, signOut }: { user: ShellUser; signOut: () => Promise<void> }) {
  return (
    <div className="border-t border-slate-200 px-3 pt-4">
      {/* Name and role share a line with the role never cut; a long email truncates on its own line. */}
      <div className="flex min-w-0 items-center justify-between gap-2">
        <p className="min-w-0 truncate text-sm font-medium text-slate-900">{user.name}</p>
        <Badge className="shrink-0">{user.roleLabel}</Badge>
      </div>
      <p className="mt-0.5 truncate text-xs text-slate-500" title={user.email}>
        {user.email}
      </p>
      <form action={signOut} className="mt-3">
        <button type="submit" className="w-full rounded-lg px-3 py-2 text-left text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          Sign out
        </button>
      </form>
    </div>
  );
}

/**
 * The signed-in frame: a sidebar on wide screens; on phones a top bar whose menu button
 * opens the same navigation in a Headless UI dialog (focus trapped, Escape closes).
 */
export function AppShell({ shopName, user, activeAlertCount, signOut, children }: { shopName: string; user: ShellUser; activeAlertCount: number; signOut: () => Promise<void>; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const alertCount = useActiveAlertCount(activeAlertCount);
  return (
    <div className="min-h-screen lg:flex">
      {/* The first stop of the keyboard: past the navigation, straight to the page. */}
      <a
        href="#main"
        className="sr-only rounded-lg bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-lg ring-1 ring-slate-200 focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:z-50"
      >
        Skip to content
      </a>
      {/* The column stretches with the page, so its border and background run its full height;
          the navigation inside stays in view while the page scrolls. */}
      <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white lg:block">
        <div className="sticky top-0 flex h-screen flex-col py-5">
          <Brand shopName={shopName} />
          <nav aria-label="Main" className="mt-6 flex-1 overflow-y-auto px-3">
            <NavLinks activeAlertCount={alertCount} />
          </nav>
          <UserPanel user={user} signOut={signOut} />
        </div>
      </aside>

      <header className="sticky top-0 z-20 flex h-14 items-center justify-between border-b border-slate-200 bg-white/95 px-4 backdrop-blur lg:hidden">
        <Brand shopName={shopName} />
        {/* Named by its own text (WCAG 2.5.3, label in name): the badge's figure is part of the
            name as it is seen ("Open menu, 3 active alerts"), so a voice user can say what shows. */}
        <button
          type="button"
          onClick={() => setMenuOpen(true)}
          aria-haspopup="dialog"
          className="relative inline-flex h-10 w-10 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100"
        >
          <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
            <path d="M4 7h16M4 12h16M4 17h16" />
          </svg>
          <span className="sr-only">Open menu</span>
          {alertCount > 0 && (
            <>
              <span className="sr-only">, </span>
              <span className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[0.6875rem] font-semibold leading-5 tabular-nums text-white ring-2 ring-white">
                {alertBadgeText(alertCount)}
              </span>
              <span className="sr-only"> active alerts</span>
            </>
          )}
        </button>
      </header>

      <Dialog open={menuOpen} onClose={setMenuOpen} aria-label="Menu" className="relative z-40 lg:hidden">
        <div className="fixed inset-0 bg-slate-900/40" aria-hidden="true" />
        <DialogPanel className="fixed inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col bg-white py-5 shadow-xl">
          <div className="flex items-center justify-between pr-3">
            <Brand shopName={shopName} />
            <button type="button" onClick={() => setMenuOpen(false)} className="inline-flex h-9 w-9 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100" aria-label="Close menu">
              <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
                <path d="M6 6l12 12M18 6 6 18" />
              </svg>
            </button>
          </div>
          <nav aria-label="Main" className="mt-6 flex-1 overflow-y-auto px-3">
            <NavLinks activeAlertCount={alertCount} onNavigate={() => setMenuOpen(false)} />
          </nav>
          <UserPanel user={user} signOut={signOut} />
        </DialogPanel>
      </Dialog>

      <main id="main" tabIndex={-1} className="min-w-0 focus:outline-none lg:flex-1">
        <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</div>
      </main>
    </div>
  );
}
