'use client';

import { useEffect, useRef } from 'react';
import { Button, LinkButton } from '@/components/ui/button';

type ErrorProps = { error: unknown; retry: () => void };

// Server errors reach the browser as a generic message plus a digest that matches
// the server log; the digest is shown so staff can quote it. Never the message or stack.
function digestOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string')
    return error.digest;
  return null;
}

export default function SignedInError({ error, retry }: ErrorProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const digest = digestOf(error);

  useEffect(() => {
    // Move focus so keyboard and screen-reader users learn the page failed.
    headingRef.current?.focus();
  }, []);

  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold text-slate-900 focus:outline-none">
        Something went wrong
      </h1>
      <p className="mt-3 text-slate-700">
        This page could not be shown. Nothing was changed by loading it. Try again; if it keeps happening, tell a
        TrialDesk administrator
        {digest ? ' and quote the reference below' : ''}.
      </p>
      {digest ? (
        <p className="mt-3 text-sm text-slate-600">
          Reference: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{digest}</code>
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <LinkButton href="/">Go to the dashboard</LinkButton>
      </div>
    </div>
  );
}
