import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { sessionActor } from '@/lib/auth/actor';
import { signInAction } from './actions';
import { safeCallbackUrl } from './callback-url';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // Auth.js sends its errors here (lib/auth/config.ts pages); the code names nothing sensitive.
  const authError = params.error !== undefined;
  // Already signed in (and the account still enabled): straight on.
  if (await sessionActor()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" width={44} height={44} className="h-11 w-11 rounded-xl shadow-sm" />
          <h1 className="mt-5 text-2xl font-semibold tracking-tight text-slate-900">Sign in to Stockroom</h1>
          <p className="mt-1.5 text-sm text-slate-500">Every unit, every location, accounted for.</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          {authError && (
            <p role="alert" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Signing in did not complete. Try again; if it keeps failing, ask your admin.
            </p>
          )}
          <LoginForm action={signInAction} callbackUrl={callbackUrl} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">Forgot your password? An admin can set a new one (Settings, Users and roles).</p>
      </div>
    </main>
  );
}
