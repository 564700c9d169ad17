'use client';

import { useMemo, useState } from 'react';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Stat, StatGrid } from '@/components/ui/stat';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { PrescreenResult } from '@/lib/eligibility/run-prescreen';
import type { OverallResult } from '@/lib/eligibility/types';
import { KIND_LABELS, OVERALL_LABELS, OVERALL_MEANINGS, OVERALL_ORDER, percent } from './labels';
import { PrescreenCandidateTable as CandidateTable } from './prescreen-candidate-table';

// What a pre-screen found: loaded with its table once a pre-screen has run
// (./prescreen-panel.tsx), not with the page.

const TOP = 10;

export function PrescreenResults({
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
