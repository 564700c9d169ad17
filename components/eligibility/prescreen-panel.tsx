'use client';

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  useReactTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { runPrescreenAction } from '@/app/(app)/eligibility/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Stat, StatGrid } from '@/components/ui/stat';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { PIPELINE_STAGE_LABELS, PIPELINE_STAGES } from '@/lib/dashboard/labels';
import type { PrescreenResult, PrescreenRow } from '@/lib/eligibility/run-prescreen';
import type { OverallResult } from '@/lib/eligibility/types';
import type { PipelineStageValue } from '@/lib/validations/candidates';
import { KIND_LABELS, OVERALL_LABELS, OVERALL_MEANINGS, OVERALL_ORDER, percent } from './labels';
import { OverallBadge } from './result-badges';
import { useHydrated } from './use-hydrated';

// Batch pre-screen of a trial: evaluates every candidate not enrolled in it (or
// those at one pipeline stage) against the current protocol. Advisory only:
// nothing is saved per candidate; a signable check is run from a candidate's page.

const PAGE_SIZE = 50;
const TOP = 10;
const column = createColumnHelper<PrescreenRow>();

const STAGE_OPTIONS = [
  { value: '', label: 'Every candidate not enrolled in the trial' },
  ...PIPELINE_STAGES.filter((stage) => !['ENROLLED', 'IN_TREATMENT', 'COMPLETED'].includes(stage)).map((stage) => ({
    value: stage,
    label: `In the trial at ${PIPELINE_STAGE_LABELS[stage]}`,
  })),
];

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
      {ran ? <PrescreenResults timeZone={timeZone} result={ran.result} at={ran.at} elapsedMs={elapsedMs} /> : null}
    </div>
  );
}

function PrescreenResults({
  result,
  at,
  elapsedMs,
  timeZone,
}: {
  result: PrescreenResult;
  at: Date;
  elapsedMs: number | null;
  timeZone: string;
}) {
  const [filter, setFilter] = useState<'' | OverallResult>('');
  const rows = useMemo(
    () => (filter ? result.candidates.filter((row) => row.overall === filter) : result.candidates),
    [filter, result.candidates],
  );

  return (
    <section aria-labelledby="prescreen-results-heading" className="flex flex-col gap-6">
      <div>
        <h2 id="prescreen-results-heading" className="text-lg font-semibold text-slate-900">
          Pre-screen results
        </h2>
        <p className="text-sm text-slate-600">
          {result.total.toLocaleString('en-US')} candidates evaluated against protocol version{' '}
          {result.protocolVersion.number} for {result.asOf} · run{' '}
          <time dateTime={at.toISOString()}>{formatClinicZoned(at, timeZone)}</time>
          {elapsedMs !== null ? ` · ${(elapsedMs / 1000).toFixed(1)} s` : ''}
          {result.skippedIds.length > 0
            ? ` · ${result.skippedIds.length} listed candidates skipped (unknown, voided or enrolled)`
            : ''}
        </p>
      </div>

      <StatGrid className="md:grid-cols-5 lg:grid-cols-5">
        {OVERALL_ORDER.map((overall) => (
          <Stat
            key={overall}
            label={OVERALL_LABELS[overall]}
            value={result.counts[overall]}
            hint={percent(result.counts[overall], result.total)}
            highlight={overall === 'PENDING_REVIEW' || overall === 'PENDING_SIGNATURE'}
          />
        ))}
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="top-blocking-heading">
          <CardHeader
            titleId="top-blocking-heading"
            title="Top blocking criteria"
            description="Criteria that rule candidates out; a candidate counts once per criterion."
          />
          <CardBody>
            {result.topBlockingCriteria.length === 0 ? (
              <p className="text-sm text-slate-700">No candidate is ruled out by a criterion.</p>
            ) : (
              <ol className="flex flex-col divide-y divide-slate-100">
                {result.topBlockingCriteria.slice(0, TOP).map((criterion) => (
                  <li key={criterion.criterionId} className="flex items-start justify-between gap-4 py-2 text-sm">
                    <span className="text-slate-900">
                      <span className="font-medium text-slate-600">{KIND_LABELS[criterion.kind]}: </span>
                      {criterion.text}
                    </span>
                    <span className="shrink-0 font-semibold tabular-nums text-slate-900">
                      {criterion.count.toLocaleString('en-US')}
                      <span className="sr-only"> candidates</span>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="top-missing-heading">
          <CardHeader
            titleId="top-missing-heading"
            title="Most common missing data"
            description="Among incomplete candidates: what would let the engine decide."
          />
          <CardBody>
            {result.topMissing.length === 0 ? (
              <p className="text-sm text-slate-700">No incomplete candidate is missing data.</p>
            ) : (
              <ol className="flex flex-col divide-y divide-slate-100">
                {result.topMissing.slice(0, TOP).map((item) => (
                  <li key={item.item} className="flex items-start justify-between gap-4 py-2 text-sm">
                    <span className="text-slate-900">{item.item}</span>
                    <span className="shrink-0 font-semibold tabular-nums text-slate-900">
                      {item.count.toLocaleString('en-US')}
                      <span className="sr-only"> candidates</span>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
      </div>

      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h3 className="text-base font-semibold text-slate-900">Candidates</h3>
          <Field label="Show" className="w-full sm:w-72">
            <Select value={filter} onChange={(event) => setFilter(event.target.value as '' | OverallResult)}>
              <option value="">All results ({result.total.toLocaleString('en-US')})</option>
              {OVERALL_ORDER.map((overall) => (
                <option key={overall} value={overall}>
                  {OVERALL_LABELS[overall]} ({result.counts[overall].toLocaleString('en-US')})
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {filter ? <p className="text-sm text-slate-600">{OVERALL_MEANINGS[filter]}</p> : null}
        <CandidateTable key={filter} rows={rows} />
      </div>
    </section>
  );
}

function CandidateTable({ rows }: { rows: PrescreenRow[] }) {
  const captionId = useId();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Candidate',
        cell: (info) => (
          <Link
            href={`/candidates/${info.row.original.candidateId}`}
            className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
          >
            {info.getValue()}
          </Link>
        ),
      }),
      column.accessor('overall', { header: 'Result', cell: (info) => <OverallBadge overall={info.getValue()} /> }),
      column.display({
        id: 'why',
        header: 'Why',
        cell: ({ row }) => {
          const { overall, blocking, missing } = row.original;
          if (overall === 'INELIGIBLE') return <span>Ruled out by: {blocking.join('; ')}</span>;
          if (overall === 'INCOMPLETE') return <span>Missing: {missing.join('; ')}</span>;
          return <span className="text-slate-600">{OVERALL_MEANINGS[overall]}</span>;
        },
      }),
    ],
    [],
  );
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.candidateId,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } },
  });
  const { pageIndex } = table.getState().pagination;
  const first = rows.length === 0 ? 0 : pageIndex * PAGE_SIZE + 1;
  const last = Math.min(rows.length, (pageIndex + 1) * PAGE_SIZE);

  return (
    <div className="flex flex-col gap-3">
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption id={captionId} className="sr-only">
            Pre-screened candidates
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700"
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-4 py-6 text-center text-slate-700">
                  No candidate has this result.
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 last:border-b-0">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-3 align-top text-slate-800">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE_SIZE ? (
        <nav
          aria-label="Pages of pre-screened candidates"
          className="flex flex-wrap items-center justify-between gap-3"
        >
          <p className="text-sm text-slate-700">
            {first.toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')}
          </p>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => table.previousPage()}
              disabled={!table.getCanPreviousPage()}
            >
              Previous page
            </Button>
            <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
              Next page
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
