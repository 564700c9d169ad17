'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { signEligibilityCheckAction } from '@/app/(app)/eligibility/actions';
import { Button } from '@/components/ui/button';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { CheckView } from '@/lib/eligibility/check-view';
import {
  applyJudgmentToMany,
  draftFromForm,
  formResult,
  itemsFromDraft,
  requiredReviewFields,
  signInputFromForm,
} from '@/lib/eligibility/review-draft';
import { DEFAULT_DECISION_MEANING } from '@/lib/eligibility/decision-meaning';
import type { EligibilityDecisionValue } from '@/lib/validations/screening';
import { BulkJudgmentPanel } from './bulk-judgment-panel';
import { CriterionItem } from './criterion-item';
import { blockerOf, type ReviewFormValues } from './review-form-schema';
import type { ReviewFormOutput } from './review-form-validation';
import { JudgmentControls, OverrideControls } from './review-item-controls';
import { ReviewSignatureSection } from './review-signature-section';
import { type DraftStatus, useReviewDraft } from './use-review-draft';
import { useHydrated } from './use-hydrated';

// The clinician's review of an unsigned check: judge each clinician-judgment criterion with a
// note (several at once when the answer is the same), override a computed result only with a
// justification, choose the decision and sign by re-entering the password. The review is kept
// as a server-side draft while it is written, so a reload restores it; only the signature
// makes it a decision.

type Props = { check: Pick<CheckView, 'id' | 'criteria' | 'draft'>; clinicTimeZone: string };

function mapServerField(key: string, judgmentIndex: number[], overrideIndex: number[]) {
  const match = /^(judgments|overrides)\.(\d+)\.(\w+)$/.exec(key);
  if (!match) return null;
  const index = (match[1] === 'judgments' ? judgmentIndex : overrideIndex)[Number(match[2])];
  if (index === undefined) return null;
  const field =
    match[1] === 'judgments'
      ? match[3] === 'note'
        ? 'note'
        : 'judgment'
      : match[3] === 'justification'
        ? 'justification'
        : 'overrideResult';
  return `items.${index}.${field}` as const;
}

function DraftStatusLine({ status, timeZone }: { status: DraftStatus; timeZone: string }) {
  const saved = status.savedAt ? (
    <>
      Draft saved <time dateTime={status.savedAt}>{formatClinicZoned(new Date(status.savedAt), timeZone, 'time')}</time>
    </>
  ) : (
    'No draft saved yet'
  );
  if (status.state === 'saving') return <>Saving draft…</>;
  if (status.state === 'error' || status.state === 'closed')
    return (
      <span className="text-red-700">
        {status.message} {status.savedAt ? saved : null}
      </span>
    );
  return saved;
}

export function CheckReviewForm({ check, clinicTimeZone }: Props) {
  const { criteria } = check;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [isRefreshing, startTransition] = useTransition();
  const hydrated = useHydrated();
  const resolver = useMemo(
    () =>
      schemaResolver<ReviewFormValues, ReturnType<typeof import('./review-form-validation').buildReviewSchema>>(() =>
        import('./review-form-validation').then((m) => m.buildReviewSchema(criteria)),
      ),
    [criteria],
  );
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<ReviewFormValues, unknown, ReviewFormOutput>({
    // The form starts from the saved draft, else without a decision; the schema decides when it is complete.
    resolver: resolver as unknown as Resolver<ReviewFormValues, unknown, ReviewFormOutput>,
    defaultValues: {
      decision: check.draft?.content.decision ?? undefined,
      meaning: check.draft?.content.meaning ?? '',
      password: '',
      items: itemsFromDraft(criteria, check.draft?.content ?? null),
    },
  });
  const decision = useWatch({ control, name: 'decision' });
  const meaning = useWatch({ control, name: 'meaning' });
  const items = useWatch({ control, name: 'items' });
  const draft = useMemo(
    () => draftFromForm(criteria, { decision, meaning, items }),
    [criteria, decision, meaning, items],
  );
  const busy = isSubmitting || isRefreshing;
  const { status, saveNow } = useReviewDraft({
    checkId: check.id,
    draft,
    initialSavedAt: check.draft?.savedAt ?? null,
    paused: busy,
  });

  const blockers =
    decision === 'ELIGIBLE'
      ? criteria.flatMap((criterion, index) => {
          const blocker = blockerOf(criterion, items?.[index]);
          return blocker ? [{ criterion, blocker, effective: formResult(criterion, items?.[index]).result }] : [];
        })
      : [];
  const judged = criteria.map(
    (criterion, index) => criterion.result === 'NEEDS_REVIEW' && Boolean(items?.[index]?.judgment),
  );
  const reviewCount = criteria.filter((criterion) => criterion.result === 'NEEDS_REVIEW').length;
  const judgedCount = judged.filter(Boolean).length;
  const unjudgedIds = criteria
    .filter((c, index) => c.result === 'NEEDS_REVIEW' && !judged[index])
    .map((c) => c.criterionId);

  function chooseDecision(next: EligibilityDecisionValue) {
    setValue('decision', next, { shouldDirty: true, shouldValidate: Boolean(errors.decision) });
    // The standard meaning follows the decision until the clinician words it otherwise.
    const current = getValues('meaning').trim();
    if (current === '' || (Object.values(DEFAULT_DECISION_MEANING) as string[]).includes(current)) {
      setValue('meaning', DEFAULT_DECISION_MEANING[next], { shouldValidate: Boolean(errors.meaning) });
    }
  }

  function select(criterionId: string, isOn: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (isOn) next.add(criterionId);
      else next.delete(criterionId);
      return next;
    });
  }

  function applyToSelected(judgment: { result: 'MET' | 'NOT_MET'; note: string }): number {
    const next = applyJudgmentToMany(criteria, getValues('items'), selected, judgment);
    let count = 0;
    next.forEach((item, index) => {
      if (!selected.has(criteria[index].criterionId) || criteria[index].result !== 'NEEDS_REVIEW') return;
      setValue(`items.${index}.judgment`, item.judgment, { shouldDirty: true });
      setValue(`items.${index}.note`, item.note, { shouldDirty: true });
      count += 1;
    });
    setSelected(new Set());
    return count;
  }

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const { input, judgmentIndex, overrideIndex } = signInputFromForm(criteria, values);
    const result = await signEligibilityCheckAction({ checkId: check.id, ...input });
    resetField('password');
    if (result.ok) {
      startTransition(() => router.refresh());
      return;
    }
    const leftovers: string[] = [];
    let focused = false;
    for (const [key, messages] of Object.entries(result.error.fields ?? {})) {
      const message = messages.join(' ');
      const itemField = mapServerField(key, judgmentIndex, overrideIndex);
      if (key === 'password' || key === 'meaning' || key === 'decision') {
        setError(key, { type: 'server', message }, { shouldFocus: !focused });
        focused = true;
      } else if (itemField) {
        setError(itemField, { type: 'server', message });
        focused = true;
      } else {
        leftovers.push(message);
      }
    }
    setFormError([result.error.message, ...leftovers].join(' '));
  });

  return (
    <form method="post" onSubmit={submit} noValidate aria-label="Review and sign" className="flex flex-col gap-6">
      <section aria-labelledby="criteria-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="criteria-heading" className="text-lg font-semibold text-slate-900">
              Criteria
            </h2>
            <p className="text-sm text-slate-600">
              {reviewCount > 0 ? `${judgedCount} of ${reviewCount} clinician-judgment criteria judged. ` : ''}
              Fields marked * are needed to sign. Override a computed result only when the evidence shows it is wrong;
              every override needs a justification and is audited.
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-700" role="status" aria-live="polite">
              <DraftStatusLine status={status} timeZone={clinicTimeZone} />
            </p>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => void saveNow()}
              disabled={!hydrated || busy}
            >
              Save draft
            </Button>
          </div>
        </div>
        {reviewCount > 1 ? (
          <BulkJudgmentPanel
            selectedCount={selected.size}
            unjudgedCount={unjudgedIds.length}
            onSelectUnjudged={() => setSelected(new Set(unjudgedIds))}
            onClear={() => setSelected(new Set())}
            onApply={applyToSelected}
          />
        ) : null}
        <ol className="flex flex-col gap-3">
          {criteria.map((criterion, index) => {
            const item = items?.[index];
            const blocker = decision === 'ELIGIBLE' ? blockerOf(criterion, item) : null;
            const required = requiredReviewFields({ criterion, decision, item });
            const shared = { index, criterion, control, register, errors, required };
            return (
              <li key={criterion.criterionId}>
                <CriterionItem criterion={criterion} highlight={blocker !== null}>
                  {criterion.result === 'NEEDS_REVIEW' ? (
                    <JudgmentControls
                      {...shared}
                      isSelected={selected.has(criterion.criterionId)}
                      onSelect={(isOn) => select(criterion.criterionId, isOn)}
                    />
                  ) : (
                    <OverrideControls {...shared} item={item} blocker={blocker} />
                  )}
                </CriterionItem>
              </li>
            );
          })}
        </ol>
      </section>

      <ReviewSignatureSection
        decision={decision}
        onDecision={chooseDecision}
        blockers={blockers}
        register={register}
        errors={errors}
        formError={formError}
        isBusy={busy}
        isHydrated={hydrated}
      />
    </form>
  );
}
