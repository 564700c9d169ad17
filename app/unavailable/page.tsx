import type { Metadata } from 'next';
import Link from 'next/link';
import { safeCallbackUrl } from '@/components/auth/safe-callback-url';

export const metadata: Metadata = { title: 'Database unavailable' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Where pages send staff while PostgreSQL cannot be reached (lib/auth/require-page-user.ts).
// It reads nothing from the database, so it always renders.
export default async function UnavailablePage({ searchParams }: { searchParams: SearchParams }) {
  const from = safeCallbackUrl((await searchParams).from);
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-2xl font-bold tracking-tight text-brand-700">TrialDesk</p>
        <h1 className="mt-4 text-xl font-semibold text-slate-900">TrialDesk cannot reach its database</h1>
        <p className="mt-3 text-slate-700">
          Records cannot be shown or saved right now, and nothing you did was half-saved. This is usually short: try
          again in a few minutes. If it lasts, tell a TrialDesk administrator.
        </p>
        <p className="mt-6">
          <Link
            href={from}
            prefetch={false}
            className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Try again
          </Link>
        </p>
      </div>
    </main>
  );
}
