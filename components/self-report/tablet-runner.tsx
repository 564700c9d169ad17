'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TabletQueue } from '@/lib/self-report/tablet-session';
import { TABLET_PIN_LENGTH } from '@/lib/self-report/tablet-pin';
import { SelfReportStepper } from './self-report-stepper';

/** Runs the tablet's queue one questionnaire after another, then asks for the tablet back. */
export function TabletRunner({ queue }: { queue: TabletQueue }) {
  const router = useRouter();
  return (
    <div className="flex flex-col gap-8">
      {queue.next ? (
        <SelfReportStepper
          key={queue.next.linkId}
          firstName={queue.firstName}
          form={queue.next.form}
          tablet={{ linkId: queue.next.linkId }}
          onDone={() => router.refresh()}
        />
      ) : (
        <section aria-labelledby="done-title" className="rounded-lg border border-slate-200 bg-white p-6">
          <h1 id="done-title" className="text-2xl font-semibold text-slate-900">
            All done, thank you {queue.firstName}
          </h1>
          <p className="mt-3">Please hand the tablet back to a member of staff.</p>
        </section>
      )}
      <StaffExit />
    </div>
  );
}

function StaffExit() {
  const router = useRouter();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-base">
      <summary className="cursor-pointer font-medium text-slate-800">For staff: end tablet mode</summary>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        aria-label="End tablet mode"
        onSubmit={async (event) => {
          event.preventDefault();
          setIsSending(true);
          setError(null);
          const response = await fetch('/api/v1/tablet/end', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ pin }),
          });
          setIsSending(false);
          if (response.ok) {
            router.push('/signin');
            return;
          }
          const data = await response.json().catch(() => null);
          setError(data?.error?.message ?? 'Tablet mode could not be ended.');
        }}
      >
        <label className="flex flex-col gap-1">
          <span>Staff PIN</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={TABLET_PIN_LENGTH.max}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'pin-error' : undefined}
            className="min-h-12 w-40 rounded-md border border-slate-400 px-3 text-lg"
          />
        </label>
        <button
          type="submit"
          disabled={isSending}
          className="min-h-12 rounded-md bg-slate-800 px-5 font-semibold text-white"
        >
          End tablet mode
        </button>
        <Link
          href="/signin?callbackUrl=%2Ftablet%2Fstaff-exit"
          className="min-h-12 content-center text-sky-800 underline"
        >
          Or sign in as staff
        </Link>
        {error ? (
          <p id="pin-error" role="alert" className="w-full text-red-800">
            {error}
          </p>
        ) : null}
      </form>
    </details>
  );
}
