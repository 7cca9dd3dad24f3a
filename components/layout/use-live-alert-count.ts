'use client';

import { useEffect, useState } from 'react';

const INTERVAL_MS = 30_000;

/**
 * The active-alert count for the navigation badge, kept current without a reload: every 30 s,
 * while the tab is visible, it asks GET /api/inventory-alerts/count (one COUNT query), and at
 * once when a hidden tab comes back after that long. Polling rather than server-sent events:
 * a count that is 30 s old is fine for a badge, and polling needs no long-lived connection
 * through proxies or per-process fan-out. A failed poll keeps the last value.
 */
export function useLiveAlertCount(initial: number): number {
  const [count, setCount] = useState(initial);
  const [rendered, setRendered] = useState(initial);
  // A fresh server render (after a dismissal, say) brings a newer count: take it.
  if (rendered !== initial) {
    setRendered(initial);
    setCount(initial);
  }
  useEffect(() => {
    let last = Date.now();
    const poll = async () => {
      if (document.visibilityState !== 'visible') return;
      last = Date.now();
      try {
        const response = await fetch('/api/inventory-alerts/count', { cache: 'no-store' });
        if (response.ok) setCount(((await response.json()) as { active: number }).active);
      } catch {
        // offline for a moment: keep showing the last count
      }
    };
    const timer = window.setInterval(poll, INTERVAL_MS);
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible' && Date.now() - last >= INTERVAL_MS) void poll();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, []);
  return count;
}
