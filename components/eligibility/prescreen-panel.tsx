'use client';

import { lazy, Suspense, useState } from 'react';
import { runPrescreenAction } from '@/app/(app)/eligibility/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { PIPELINE_STAGE_LABELS, PIPELINE_STAGES } from '@/lib/dashboard/labels';
import type { PrescreenResult } from '@/lib/eligibility/run-prescreen';
import type { PipelineStageValue } from '@/lib/validations/candidates';
import { useHydrated } from './use-hydrated';

// Batch pre-screen of a trial: evaluates every candidate not enrolled in it (or
// those at one pipeline stage) against the current protocol. Advisory only:
// nothing is saved per candidate; a signable check is run from a candidate's page.

const STAGE_OPTIONS = [
  { value: '', label: 'Every candidate not enrolled in the trial' },
  ...PIPELINE_STAGES.filter((stage) => !['ENROLLED', 'IN_TREATMENT', 'COMPLETED'].includes(stage)).map((stage) => ({
    value: stage,
    label: `In the trial at ${PIPELINE_STAGE_LABELS[stage]}`,
  })),
];

// Results only exist after a run: their code (the summary and the table, with
// @tanstack/react-table) loads then, not with the page.
const PrescreenResults = lazy(() =>
  import('./prescreen-results').then((module) => ({ default: module.PrescreenResults })),
);

type Ran = { result: PrescreenResult; at: Date };

/** `timeZone`: the clinic settings' zone, from the page, so "ran at" is on the clinic clock, not this device's. */
export function PrescreenPanel({ trialId, timeZone }: { trialId: string; timeZone: string }) {
  const [ran, setRan] = useState<Ran | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [stage, setStage] = useState<'' | PipelineStageValue>('');
  const [elapsedMs, setElapsedMs] = useState<number | null>(null);
  const hydrated = useHydrated();

  async function run() {
    setError(null);
    setIsRunning(true);
    const t0 = performance.now();
    const result = await runPrescreenAction({ trialId, ...(stage ? { stage } : {}) });
    setIsRunning(false);
    setElapsedMs(Math.round(performance.now() - t0));
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setRan({ result: result.data, at: new Date() });
  }

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="prescreen-run-heading">
        <CardHeader
          titleId="prescreen-run-heading"
          title="Run a pre-screen"
          description="Evaluates candidates against the trial's current protocol with the data on file today. Nothing is saved per candidate: run a check from a candidate's page to get a signable record."
        />
        <CardBody className="flex flex-wrap items-end gap-4">
          <Field label="Who to evaluate" className="min-w-64 flex-1">
            <Select
              value={stage}
              onChange={(event) => setStage(event.target.value as '' | PipelineStageValue)}
              options={STAGE_OPTIONS}
            />
          </Field>
          <Button variant="primary" loading={isRunning} disabled={!hydrated} onClick={run}>
            Run pre-screen
          </Button>
        </CardBody>
      </Card>

      <div aria-live="polite" className="sr-only">
        {isRunning
          ? 'Pre-screen running.'
          : ran
            ? `Pre-screen finished: ${ran.result.total} candidates evaluated.`
            : ''}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {ran ? (
        <Suspense
          fallback={
            <p role="status" className="text-sm text-slate-600">
              Loading the results…
            </p>
          }
        >
          <PrescreenResults timeZone={timeZone} result={ran.result} at={ran.at} elapsedMs={elapsedMs} />
        </Suspense>
      ) : null}
    </div>
  );
}
