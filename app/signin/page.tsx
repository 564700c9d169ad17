import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/lazy-forms';
import { safeCallbackUrl } from '@/components/auth/safe-callback-url';
import { Alert } from '@/components/ui/alert';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isDatabaseUnavailable } from '@/lib/errors/database-unavailable';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, string> = {
  idle: 'You were signed out after 15 minutes without activity. Sign in again to continue.',
  'signed-out': 'You have signed out.',
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  // With the database down, the form still renders and says why signing in fails.
  const user = await getCurrentUser().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (user) redirect(callbackUrl);

  const reason = typeof query.reason === 'string' ? query.reason : undefined;
  const notice = reason ? NOTICES[reason] : undefined;

  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-tight text-brand-700">TrialDesk</p>
          <p className="mt-1 text-sm text-slate-600">
            Referrals, screening, infusion scheduling and outcomes for the clinic&rsquo;s IV ketamine trials.
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="mb-5 text-xl font-semibold text-slate-900">Sign in</h1>
          {notice ? (
            <Alert tone="info" className="mb-5">
              {notice}
            </Alert>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} initialError={typeof query.error === 'string' ? query.error : null} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          Forgot your password? Ask a TrialDesk administrator to reset it.
        </p>
      </div>
    </main>
  );
}
