import { Badge } from '@/components/ui/badge';
import { CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { describeRule } from '@/lib/eligibility/describe-rule';
import type { TrialCriterionDto } from '@/lib/trials/types';
import { CriterionRuleActions } from './criterion-rule-actions';
import { ScreeningWindowForm } from './lazy-forms';
import { formatInstant } from './format';
import { Section, type SectionProps } from './section-frame';

function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function CriterionItem({
  trial,
  criterion,
  index,
  canEdit,
  timeZone,
}: SectionProps & { criterion: TrialCriterionDto; index: number }) {
  const name = `${criterion.kind} criterion ${index + 1}`;
  const hasOpenSuggestion =
    criterion.suggestedRule !== null &&
    (criterion.rule === null || stable(criterion.rule) !== stable(criterion.suggestedRule));
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <div className="flex gap-3">
        <span aria-hidden="true" className="w-6 shrink-0 text-right text-sm font-semibold text-slate-600 tabular-nums">
          {index + 1}.
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <p className="text-sm whitespace-pre-line text-slate-900">{criterion.text}</p>
          {criterion.sourceQuote ? (
            <p className="text-xs text-slate-600">
              Source wording: <q>{criterion.sourceQuote}</q>
            </p>
          ) : null}
          {criterion.rule && criterion.isRuleAssumed ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="warning">Assumed rule — clinician judgment until confirmed</Badge>
              <span className="font-medium text-slate-900">{describeRule(criterion.rule)}</span>
              <a href="#assumptions" className="text-xs font-medium text-brand-700 underline underline-offset-2">
                See assumptions
              </a>
            </div>
          ) : criterion.rule ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="success">Confirmed rule</Badge>
              <span className="font-medium text-slate-900">{describeRule(criterion.rule)}</span>
              {criterion.ruleConfirmedBy || criterion.ruleConfirmedAt ? (
                <span className="text-xs text-slate-600">
                  {[
                    criterion.ruleConfirmedBy ? `by ${criterion.ruleConfirmedBy.name}` : null,
                    criterion.ruleConfirmedAt ? formatInstant(criterion.ruleConfirmedAt, timeZone) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              ) : null}
            </div>
          ) : (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="neutral">Clinician judgment</Badge>
            </div>
          )}
          {hasOpenSuggestion && criterion.suggestedRule ? (
            <div className="flex flex-col gap-2 rounded-md bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone="warning">Suggested rule</Badge>
                <span className="font-medium text-slate-900">{describeRule(criterion.suggestedRule)}</span>
                <span className="text-xs text-slate-700">Not used for eligibility until confirmed.</span>
              </div>
              {canEdit && trial.isCurrentVersion ? (
                <CriterionRuleActions
                  trialId={trial.id}
                  criterionId={criterion.id}
                  criterionName={name}
                  suggestedRuleText={describeRule(criterion.suggestedRule)}
                  hasScreenings={trial.hasScreenings}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function CriteriaList({ trial, canEdit, timeZone, kind }: SectionProps & { kind: TrialCriterionDto['kind'] }) {
  const items = trial.criteria.filter((criterion) => criterion.kind === kind);
  const headingId = `${kind}-criteria-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-base font-semibold text-slate-900">
        {kind === 'inclusion' ? 'Inclusion criteria' : 'Exclusion criteria'}
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">None recorded.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {items.map((criterion, index) => (
            <CriterionItem
              key={criterion.id}
              trial={trial}
              canEdit={canEdit}
              timeZone={timeZone}
              criterion={criterion}
              index={index}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function ScreeningWindow({ trial, canEdit, timeZone }: SectionProps) {
  const { days, confirmed } = trial.screeningWindow;
  return (
    <section aria-labelledby="screening-window-heading" className="flex flex-col gap-2">
      <h3 id="screening-window-heading" className="text-base font-semibold text-slate-900">
        Screening window
      </h3>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{days} days</span>
        {confirmed ? (
          <>
            <Badge tone="success">Confirmed</Badge>
            <span className="text-xs text-slate-600">
              by {confirmed.by.name}, {formatInstant(confirmed.at, timeZone)}
            </span>
          </>
        ) : (
          <Badge tone="warning">Assumed default, not confirmed</Badge>
        )}
      </div>
      <p className="text-sm text-slate-700">
        A value older than this on the day of a check leaves its criterion unknown, unless the criterion's rule has its
        own window. Age and sex have none.
      </p>
      {canEdit ? <ScreeningWindowForm trialId={trial.id} days={days} isConfirmed={confirmed !== null} /> : null}
    </section>
  );
}

export function CriteriaSection({ trial, canEdit, timeZone }: SectionProps) {
  const confirmed = trial.criteria.filter((criterion) => criterion.rule !== null).length;
  const suggested = trial.criteria.filter(
    (criterion) => criterion.rule === null && criterion.suggestedRule !== null,
  ).length;
  const summary = `${confirmed} of ${trial.criteria.length} decided by a confirmed rule${suggested > 0 ? `, ${suggested} with a suggested rule to review` : ''}. The rest are clinician judgment.`;
  return (
    <Section
      id="criteria"
      title="Eligibility criteria"
      description={`Protocol version ${trial.protocolVersion.number}. ${summary}`}
    >
      <CardBody className="flex flex-col gap-6">
        <ScreeningWindow trial={trial} canEdit={canEdit} timeZone={timeZone} />
        {trial.criteria.length === 0 ? (
          <EmptyState title="No eligibility criteria recorded" />
        ) : (
          <>
            <CriteriaList trial={trial} canEdit={canEdit} timeZone={timeZone} kind="inclusion" />
            <CriteriaList trial={trial} canEdit={canEdit} timeZone={timeZone} kind="exclusion" />
          </>
        )}
      </CardBody>
    </Section>
  );
}

// ---------------------------------------------------------------- assessment plan
