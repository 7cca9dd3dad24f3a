'use client';

import { useEffect, useState } from 'react';

/** Polling, not server-sent events: one cheap COUNT every half minute per open tab needs no long-lived connection through proxies or serverless hosts. */
export const ALERT_POLL_MS = 30_000;
/** Focus and visibilitychange usually fire together when a tab comes back: one request is enough. */
const MIN_GAP_MS = 2_000;

/**
 * The active alert count for the navigation badge, kept current without a reload: it asks
 * GET /api/inventory-alerts/count every ALERT_POLL_MS while the tab is visible and again
 * whenever the window regains focus. A failed poll (offline, signed out elsewhere, a deploy)
 * keeps the last count silently: the badge is a hint, and the alerts page is authoritative.
 * A fresh count from the server (a navigation re-renders the layout) replaces the polled one.
 */
export function useActiveAlertCount(serverCount: number): number {
  const [count, setCount] = useState(serverCount);
  const [lastServerCount, setLastServerCount] = useState(serverCount);
  if (serverCount !== lastServerCount) {
    setLastServerCount(serverCount);
    setCount(serverCount);
  }

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let inFlight: AbortController | undefined;
    let lastPoll = 0;

    async function poll() {
      if (Date.now() - lastPoll < MIN_GAP_MS) return;
      lastPoll = Date.now();
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      try {
        const response = await fetch('/api/inventory-alerts/count', { cache: 'no-store', signal: controller.signal, headers: { accept: 'application/json' } });
        if (!response.ok) return;
        const body: unknown = await response.json();
        const active = (body as { active?: unknown } | null)?.active;
        if (typeof active === 'number' && Number.isSafeInteger(active) && active >= 0) setCount(active);
      } catch {
        // Offline or aborted: keep showing the last count (no toast for a background check).
      }
    }
    function start() {
      stop();
      timer = setInterval(poll, ALERT_POLL_MS);
    }
    function stop() {
      clearInterval(timer);
      timer = undefined;
    }
    function onVisibilityChange() {
      if (document.visibilityState === 'visible') {
        void poll();
        start();
      } else {
        stop();
        inFlight?.abort();
      }
    }
    function onFocus() {
      void poll();
    }

    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('focus', onFocus);
    return () => {
      stop();
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  return count;
}
