'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { runEligibilityCheckAction } from '@/app/(app)/eligibility/actions';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import type { TrialChoice } from '@/lib/eligibility/load-candidate-trials';
import { useHydrated } from './use-hydrated';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

export type { TrialChoice };

type Props = {
  candidateId: string;
  trial: TrialChoice;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Print the trial on the button (where the trial is not already named beside it). */
  showTrial?: boolean;
};

/** Runs a new eligibility check of the candidate against the trial's current protocol and opens it. */
export function RunCheckButton({ candidateId, trial, variant = 'primary', size = 'md', showTrial = false }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [isNavigating, startTransition] = useTransition();
  const hydrated = useHydrated();

  async function run() {
    setError(null);
    setIsRunning(true);
    const result = await withSubmissionKey((options) =>
      runEligibilityCheckAction({ candidateId, trialId: trial.trialId }, options),
    );
    setIsRunning(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    startTransition(() => router.push(`/candidates/${candidateId}/eligibility/${result.data.id}`));
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <Button variant={variant} size={size} loading={isRunning || isNavigating} disabled={!hydrated} onClick={run}>
        Run eligibility check
        {showTrial ? <span>: {trial.label}</span> : <span className="sr-only"> for {trial.label}</span>}
      </Button>
      {error ? (
        <span role="alert" className="text-sm font-medium text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
