'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import {
  Controller,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type Resolver,
  type UseFormRegister,
} from 'react-hook-form';
import { z } from 'zod';
import { signEligibilityCheckAction } from '@/app/(app)/eligibility/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { passingResult, reviewedResult, type SigningBlocker, signingBlocker } from '@/lib/eligibility/review-criteria';
import type { CriterionKind } from '@/lib/validations/eligibility';
import {
  DEFAULT_DECISION_MEANING,
  judgmentSchema,
  overrideSchema,
  signCheckSchema,
  type EligibilityDecisionValue,
  type SignCheckInput,
} from '@/lib/validations/screening';
import { ChoiceGroup, type ChoiceOption } from './boolean-choice';
import { CriterionItem, criterionHeadingId, criterionName } from './criterion-item';
import { CRITERION_RESULT_LABELS } from './labels';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';
import { useHydrated } from './use-hydrated';

// The clinician's review of an unsigned check: judge each clinician-judgment
// criterion with a note, override a computed result only with a justification,
// choose the decision and sign by re-entering the password. Confirming
// eligibility while anything is unknown or failing needs an override for each,
// and the form lists exactly which ones before it lets the signature through.

type Binary = 'MET' | 'NOT_MET';

type ItemValues = {
  judgment?: Binary;
  note: string;
  override: boolean;
  overrideResult?: Binary;
  justification: string;
};
type FormValues = { decision?: EligibilityDecisionValue; meaning: string; password: string; items: ItemValues[] };

/** The criterion's result as the form stands, by the lib's rule (override, else judgment, else computed). */
function effectiveResult(criterion: CheckCriterionView, item: ItemValues | undefined) {
  return reviewedResult({
    computed: criterion.result,
    judgment: item?.judgment,
    override: item?.override ? item.overrideResult : undefined,
  });
}

/** What stops an ELIGIBLE signature on this criterion, if anything (lib/eligibility/review-criteria.ts). */
function blockerOf(criterion: CheckCriterionView, item: ItemValues | undefined): SigningBlocker | null {
  return signingBlocker({ kind: criterion.kind, ...effectiveResult(criterion, item) });
}

const BLOCKER_TEXT = {
  needs_judgment: 'Judge this criterion before confirming eligibility.',
  needs_override: 'Confirming eligibility needs an override of this result, with a written justification.',
  judged_failing: 'Your judgment rules the candidate out. Change the judgment or choose “Not eligible”.',
} as const;

function resultOptions(kind: CriterionKind): ReadonlyArray<ChoiceOption<Binary>> {
  return [
    { value: 'MET', label: kind === 'EXCLUSION' ? 'Met (excludes)' : 'Met', key: 'met' },
    { value: 'NOT_MET', label: kind === 'INCLUSION' ? 'Not met (excludes)' : 'Not met', key: 'not-met' },
  ];
}

const DECISION_OPTIONS: ReadonlyArray<ChoiceOption<EligibilityDecisionValue>> = [
  { value: 'ELIGIBLE', label: 'Eligible', key: 'eligible' },
  { value: 'INELIGIBLE', label: 'Not eligible', key: 'ineligible' },
];

function buildSchema(criteria: CheckCriterionView[]) {
  const note = judgmentSchema.shape.note;
  const justification = overrideSchema.shape.justification;
  return z
    .object({
      decision: signCheckSchema.shape.decision,
      meaning: signCheckSchema.shape.meaning,
      password: signCheckSchema.shape.password,
      items: z.array(
        z.object({
          judgment: z.enum(['MET', 'NOT_MET']).optional(),
          note: z.string(),
          override: z.boolean(),
          overrideResult: z.enum(['MET', 'NOT_MET']).optional(),
          justification: z.string(),
        }),
      ),
    })
    .superRefine((values, ctx) => {
      criteria.forEach((criterion, index) => {
        const item = values.items[index];
        if (!item) return;
        if (criterion.result === 'NEEDS_REVIEW') {
          if (item.judgment) {
            const parsed = note.safeParse(item.note);
            if (!parsed.success)
              ctx.addIssue({
                code: 'custom',
                path: ['items', index, 'note'],
                message: parsed.error.issues[0]?.message ?? 'Write a note for this judgment.',
              });
          } else if (item.note.trim() !== '') {
            ctx.addIssue({
              code: 'custom',
              path: ['items', index, 'judgment'],
              message: 'Choose met or not met, or clear the note.',
            });
          }
        } else if (item.override) {
          if (!item.overrideResult)
            ctx.addIssue({
              code: 'custom',
              path: ['items', index, 'overrideResult'],
              message: 'Choose the result that replaces the computed one.',
            });
          else if (item.overrideResult === criterion.result)
            ctx.addIssue({
              code: 'custom',
              path: ['items', index, 'overrideResult'],
              message: 'An override must change the computed result.',
            });
          const parsed = justification.safeParse(item.justification);
          if (!parsed.success)
            ctx.addIssue({
              code: 'custom',
              path: ['items', index, 'justification'],
              message: parsed.error.issues[0]?.message ?? 'Write why the computed result is overridden.',
            });
        }
        if (values.decision !== 'ELIGIBLE') return;
        const blocker = blockerOf(criterion, item);
        if (blocker === 'needs_judgment')
          ctx.addIssue({ code: 'custom', path: ['items', index, 'judgment'], message: BLOCKER_TEXT.needs_judgment });
        if (blocker === 'judged_failing')
          ctx.addIssue({ code: 'custom', path: ['items', index, 'judgment'], message: BLOCKER_TEXT.judged_failing });
        if (blocker === 'needs_override' && !item.override)
          ctx.addIssue({ code: 'custom', path: ['items', index, 'override'], message: BLOCKER_TEXT.needs_override });
        if (blocker === 'needs_override' && item.override && item.overrideResult) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, 'overrideResult'],
            message: `To confirm eligibility this ${criterion.kind === 'INCLUSION' ? 'inclusion' : 'exclusion'} must be ${CRITERION_RESULT_LABELS[passingResult(criterion.kind)].toLowerCase()}.`,
          });
        }
      });
    });
}

type FormOutput = z.output<ReturnType<typeof buildSchema>>;

function toSignInput(
  criteria: CheckCriterionView[],
  values: FormOutput,
): { input: SignCheckInput; judgmentIndex: number[]; overrideIndex: number[] } {
  const judgments: SignCheckInput['judgments'] = [];
  const overrides: SignCheckInput['overrides'] = [];
  const judgmentIndex: number[] = [];
  const overrideIndex: number[] = [];
  criteria.forEach((criterion, index) => {
    const item = values.items[index];
    if (criterion.result === 'NEEDS_REVIEW' && item.judgment) {
      judgments.push({ criterionId: criterion.criterionId, result: item.judgment, note: item.note.trim() });
      judgmentIndex.push(index);
    } else if (criterion.result !== 'NEEDS_REVIEW' && item.override && item.overrideResult) {
      overrides.push({
        criterionId: criterion.criterionId,
        result: item.overrideResult,
        justification: item.justification.trim(),
      });
      overrideIndex.push(index);
    }
  });
  return {
    input: {
      password: values.password,
      decision: values.decision,
      meaning: values.meaning.trim(),
      judgments,
      overrides,
    },
    judgmentIndex,
    overrideIndex,
  };
}

type Props = { checkId: string; criteria: CheckCriterionView[] };

export function CheckReviewForm({ checkId, criteria }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [isRefreshing, startTransition] = useTransition();
  const hydrated = useHydrated();
  const schema = useMemo(() => buildSchema(criteria), [criteria]);
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, FormOutput>({
    // The form starts without a decision; the schema decides when it is complete.
    resolver: zodResolver(schema) as unknown as Resolver<FormValues, unknown, FormOutput>,
    defaultValues: {
      meaning: '',
      password: '',
      items: criteria.map(() => ({ note: '', override: false, justification: '' })),
    },
  });
  const decision = useWatch({ control, name: 'decision' });
  const items = useWatch({ control, name: 'items' });

  const blockers =
    decision === 'ELIGIBLE'
      ? criteria.flatMap((criterion, index) => {
          const blocker = blockerOf(criterion, items?.[index]);
          return blocker ? [{ criterion, blocker, effective: effectiveResult(criterion, items?.[index]).result }] : [];
        })
      : [];
  const reviewCount = criteria.filter((criterion) => criterion.result === 'NEEDS_REVIEW').length;
  const judgedCount = criteria.filter(
    (criterion, index) => criterion.result === 'NEEDS_REVIEW' && items?.[index]?.judgment,
  ).length;

  function chooseDecision(next: EligibilityDecisionValue) {
    setValue('decision', next, { shouldDirty: true, shouldValidate: Boolean(errors.decision) });
    // The standard meaning follows the decision until the clinician words it otherwise.
    const current = getValues('meaning').trim();
    if (current === '' || (Object.values(DEFAULT_DECISION_MEANING) as string[]).includes(current)) {
      setValue('meaning', DEFAULT_DECISION_MEANING[next], { shouldValidate: Boolean(errors.meaning) });
    }
  }

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const { input, judgmentIndex, overrideIndex } = toSignInput(criteria, values);
    const result = await signEligibilityCheckAction({ checkId, ...input });
    resetField('password');
    if (result.ok) {
      startTransition(() => router.refresh());
      return;
    }
    const leftovers: string[] = [];
    let focused = false;
    for (const [key, messages] of Object.entries(result.error.fields ?? {})) {
      const message = messages.join(' ');
      const match = /^(judgments|overrides)\.(\d+)\.(\w+)$/.exec(key);
      if (key === 'password' || key === 'meaning' || key === 'decision') {
        setError(key, { type: 'server', message }, { shouldFocus: !focused });
        focused = true;
      } else if (match) {
        const index = (match[1] === 'judgments' ? judgmentIndex : overrideIndex)[Number(match[2])];
        const field =
          match[1] === 'judgments'
            ? match[3] === 'note'
              ? 'note'
              : 'judgment'
            : match[3] === 'justification'
              ? 'justification'
              : 'overrideResult';
        if (index === undefined) leftovers.push(message);
        else {
          setError(`items.${index}.${field}`, { type: 'server', message });
          focused = true;
        }
      } else {
        leftovers.push(message);
      }
    }
    setFormError([result.error.message, ...leftovers].join(' '));
  });

  const busy = isSubmitting || isRefreshing;

  return (
    <form method="post" onSubmit={submit} noValidate aria-label="Review and sign" className="flex flex-col gap-6">
      <section aria-labelledby="criteria-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="criteria-heading" className="text-lg font-semibold text-slate-900">
            Criteria
          </h2>
          <p className="text-sm text-slate-600">
            {reviewCount > 0 ? `${judgedCount} of ${reviewCount} clinician-judgment criteria judged. ` : ''}
            Override a computed result only when the evidence shows it is wrong; every override needs a justification
            and is audited.
          </p>
        </div>
        <ol className="flex flex-col gap-3">
          {criteria.map((criterion, index) => {
            const blocker = decision === 'ELIGIBLE' ? blockerOf(criterion, items?.[index]) : null;
            return (
              <li key={criterion.criterionId}>
                <CriterionItem criterion={criterion} highlight={blocker !== null}>
                  {criterion.result === 'NEEDS_REVIEW' ? (
                    <JudgmentControls
                      index={index}
                      criterion={criterion}
                      control={control}
                      register={register}
                      errors={errors}
                    />
                  ) : (
                    <OverrideControls
                      index={index}
                      criterion={criterion}
                      control={control}
                      register={register}
                      errors={errors}
                      item={items?.[index]}
                      blocker={blocker}
                    />
                  )}
                </CriterionItem>
              </li>
            );
          })}
        </ol>
      </section>

      <section
        aria-labelledby="decision-heading"
        className="flex flex-col gap-4 rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5"
      >
        <h2 id="decision-heading" className="text-lg font-semibold text-slate-900">
          Decision and signature
        </h2>
        <ChoiceGroup
          legend="Decision"
          name="decision"
          value={decision}
          options={DECISION_OPTIONS}
          onChange={chooseDecision}
          error={errors.decision?.message}
          required
        />
        {decision === 'ELIGIBLE' && blockers.length > 0 ? (
          <Alert
            tone="warning"
            title={`Before you can confirm eligibility: ${blockers.length} ${blockers.length === 1 ? 'criterion needs' : 'criteria need'} your attention`}
          >
            <ul className="mt-1 list-disc pl-5">
              {blockers.map(({ criterion, blocker, effective }) => (
                <li key={criterion.criterionId}>
                  <a href={`#${criterionHeadingId(criterion)}`} className="font-medium underline underline-offset-2">
                    {criterionName(criterion)}
                  </a>{' '}
                  ({CRITERION_RESULT_LABELS[effective].toLowerCase()}): {BLOCKER_TEXT[blocker]}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <Field
          label="Meaning of this signature"
          id="signature-meaning"
          hint="Recorded with your name and the server time."
          error={errors.meaning?.message}
          required
        >
          <Input {...register('meaning')} />
        </Field>
        <Field
          label="Your password"
          hint="Re-enter your password to sign. A wrong password counts toward account lockout."
          error={errors.password?.message}
          required
        >
          <Input type="password" autoComplete="current-password" {...register('password')} />
        </Field>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p className="text-sm text-slate-600">A signed check cannot be changed or signed again.</p>
          <Button type="submit" variant="primary" size="lg" loading={busy} disabled={!hydrated}>
            Sign decision
          </Button>
        </div>
      </section>
    </form>
  );
}

type ControlsProps = {
  index: number;
  criterion: CheckCriterionView;
  control: Control<FormValues>;
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
};

function JudgmentControls({ index, criterion, control, register, errors }: ControlsProps) {
  const itemErrors = errors.items?.[index];
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,16rem)_1fr]">
      <Controller
        control={control}
        name={`items.${index}.judgment`}
        render={({ field }) => (
          <ChoiceGroup
            legend="Clinician judgment"
            name={field.name}
            value={field.value}
            options={resultOptions(criterion.kind)}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={itemErrors?.judgment?.message}
          />
        )}
      />
      <Field label="Note" hint="The evidence for your judgment." error={itemErrors?.note?.message}>
        <Textarea rows={2} {...register(`items.${index}.note`)} />
      </Field>
    </div>
  );
}

function OverrideControls({
  index,
  criterion,
  control,
  register,
  errors,
  item,
  blocker,
}: ControlsProps & { item: ItemValues | undefined; blocker: ReturnType<typeof blockerOf> }) {
  const itemErrors = errors.items?.[index];
  return (
    <div className="flex flex-col gap-4">
      <Checkbox
        label="Override the computed result"
        hint={blocker === 'needs_override' && !item?.override ? BLOCKER_TEXT.needs_override : undefined}
        error={itemErrors?.override?.message}
        {...register(`items.${index}.override`)}
      />
      {item?.override ? (
        <div className="grid gap-4 md:grid-cols-[minmax(0,16rem)_1fr]">
          <Controller
            control={control}
            name={`items.${index}.overrideResult`}
            render={({ field }) => (
              <ChoiceGroup
                legend="Overridden result"
                hint={`Computed: ${CRITERION_RESULT_LABELS[criterion.result].toLowerCase()}`}
                name={field.name}
                value={field.value}
                options={resultOptions(criterion.kind)}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={itemErrors?.overrideResult?.message}
                required
              />
            )}
          />
          <Field
            label="Justification"
            hint="Shown on the check and kept in the audit trail."
            error={itemErrors?.justification?.message}
            required
          >
            <Textarea rows={2} {...register(`items.${index}.justification`)} />
          </Field>
        </div>
      ) : null}
    </div>
  );
}
