'use client';

import Link from 'next/link';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

export interface TabLink<Key extends string> {
  key: Key;
  href: string;
  label: ReactNode;
}

/**
 * Sections or lists as links, each a URL of its own, the current one marked for screen
 * readers. The row scrolls sideways when it is wider than the screen (a phone), and opens with
 * the current tab in view: otherwise a tab further right is selected but out of sight.
 */
export function TabLinks<Key extends string>({ label, tabs, current, className }: { label: string; tabs: Array<TabLink<Key>>; current: Key; className: string }) {
  const list = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const strip = list.current;
    const selected = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !selected) return;
    // scrollLeft, not scrollIntoView: the page itself must not move.
    strip.scrollLeft = selected.offsetLeft - (strip.clientWidth - selected.offsetWidth) / 2;
  }, []);
  return (
    <nav aria-label={label} className={`${className} border-b border-slate-200`}>
      <ul ref={list} className="relative -mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const selected = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={selected ? 'page' : undefined}
                className={`inline-flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors ${
                  selected ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
