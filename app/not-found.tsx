import type { Metadata } from 'next';
import { LinkButton } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <section aria-labelledby="error-title" className="flex min-h-[60dvh] items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-brand-700">TrialDesk · Error 404</p>
        <h1 id="error-title" className="mt-2 text-2xl font-semibold text-slate-900">
          Page not found
        </h1>
        <p className="mt-3 text-slate-700">
          There is no page at this address, or the record it points to does not exist. Check the link, or start again
          from the dashboard.
        </p>
        <div className="mt-6">
          <LinkButton href="/" variant="primary">
            Go to the dashboard
          </LinkButton>
        </div>
      </div>
    </section>
  );
}
