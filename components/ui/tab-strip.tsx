'use client';

import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A row of tabs that scrolls sideways when it is wider than the screen (a phone), opened with
 * the current tab (the one with aria-current) in view: otherwise a section further right is
 * selected but out of sight, and the strip gives no sign of where one is.
 */
export function TabStrip({ className, children }: { className: string; children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const strip = list.current;
    const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !current) return;
    // scrollLeft, not scrollIntoView: the page itself must not move.
    strip.scrollLeft = current.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
  }, []);
  return (
    <ul ref={list} className={`relative ${className}`}>
      {children}
    </ul>
  );
}
