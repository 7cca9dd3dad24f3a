'use client';

import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';

/**
 * Any unexpected failure while rendering a page. It never shows the error itself (in
 * production Next.js sends only a digest); the digest is offered so support can find the log.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 py-16 text-center">
      <div className="flex h-12 w-12 items-center justify-center rounded-full bg-red-50 text-red-600 ring-1 ring-inset ring-red-100" aria-hidden="true">
        <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
        </svg>
      </div>
      <h1 className="mt-4 text-xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        This page could not be shown. No stock change is saved unless you saw it confirmed, so it is safe to try again.
      </p>
      <div className="mt-6 flex flex-col gap-2 sm:flex-row">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
          Go to the dashboard
        </Link>
      </div>
      {error.digest && <p className="mt-6 font-mono text-xs text-slate-500">Reference: {error.digest}</p>}
    </div>
  );
}
