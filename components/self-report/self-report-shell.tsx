import type { ReactNode } from 'react';

/** The participant's page frame: large type, no app navigation, nothing about the trial. */
export function SelfReportShell({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <p className="mx-auto max-w-2xl px-4 py-3 text-base font-semibold text-slate-900">Study questionnaire</p>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-6 text-lg">{children}</main>
    </div>
  );
}

export function SelfReportNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="notice-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 id="notice-title" className="text-2xl font-semibold text-slate-900">
        {title}
      </h1>
      <p className="mt-3 text-slate-800">{children}</p>
    </section>
  );
}
