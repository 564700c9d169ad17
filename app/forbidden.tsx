import { LinkButton } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ROLE_LABELS } from '@/lib/auth/permissions';

// Rendered by forbidden() (lib/auth/require-page-user.ts) with HTTP 403. It sits
// inside or outside the signed-in shell, so it adds no landmark of its own (the
// shell's <main> would otherwise be nested).
export default async function Forbidden() {
  const user = await getCurrentUser();
  return (
    <section aria-labelledby="error-title" className="flex min-h-[60dvh] items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-brand-700">TrialDesk · Error 403</p>
        <h1 id="error-title" className="mt-2 text-2xl font-semibold text-slate-900">
          You don&rsquo;t have access to this page
        </h1>
        {user ? (
          <p className="mt-3 text-slate-700">
            You are signed in as <strong className="font-semibold">{user.name}</strong> with the role{' '}
            <strong className="font-semibold">{ROLE_LABELS[user.role]}</strong>, which cannot open this page. If your
            work needs it, ask a TrialDesk administrator to change your role.
          </p>
        ) : (
          <p className="mt-3 text-slate-700">Your account cannot open this page.</p>
        )}
        <div className="mt-6 flex flex-wrap gap-3">
          <LinkButton href="/" variant="primary">
            Go to the dashboard
          </LinkButton>
        </div>
      </div>
    </section>
  );
}
