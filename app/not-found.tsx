import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { buttonClasses } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Not found' };

/** Unknown addresses, and pages the signed-in role may not see (requirePageActor → notFound). */
export default async function NotFound() {
  // Rendered per request like every page: a prerendered copy's scripts would lack the nonce of
  // the request's Content-Security-Policy (proxy.ts) and be refused.
  await connection();
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center px-4 py-16 text-center">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src="/favicon.svg" alt="" width={40} height={40} className="h-10 w-10 rounded-lg opacity-90" />
      <p className="mt-6 text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Nothing here</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-500">This page does not exist, or your role does not give access to it.</p>
      <Link href="/" className={`${buttonClasses()} mt-6`}>
        Back to the dashboard
      </Link>
    </div>
  );
}
