import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { sessionActor } from '@/lib/auth/actor';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await sessionActor()) redirect('/');
  const { callbackUrl } = await searchParams;
  return (
    <div className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" className="mx-auto h-12 w-12" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Sign in to Stockroom</h1>
          <p className="mt-1 text-sm text-slate-500">Every unit accounted for.</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <LoginForm action={signInAction} callbackUrl={callbackUrl ?? '/'} />
        </div>
      </div>
    </div>
  );
}
