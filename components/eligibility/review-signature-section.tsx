'use client';

import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';
import type { SigningBlocker } from '@/lib/eligibility/review-criteria';
import type { CriterionResultValue } from '@/lib/eligibility/types';
import type { EligibilityDecisionValue } from '@/lib/validations/screening';
import { ChoiceGroup, type ChoiceOption } from './boolean-choice';
import { criterionHeadingId, criterionName } from './criterion-item';
import { CRITERION_RESULT_LABELS } from './labels';
import { BLOCKER_TEXT, type ReviewFormValues } from './review-form-schema';

const DECISION_OPTIONS: ReadonlyArray<ChoiceOption<EligibilityDecisionValue>> = [
  { value: 'ELIGIBLE', label: 'Eligible', key: 'eligible' },
  { value: 'INELIGIBLE', label: 'Not eligible', key: 'ineligible' },
];

type Blocker = { criterion: CheckCriterionView; blocker: SigningBlocker; effective: CriterionResultValue };

type Props = {
  decision: EligibilityDecisionValue | undefined;
  onDecision: (decision: EligibilityDecisionValue) => void;
  blockers: Blocker[];
  register: UseFormRegister<ReviewFormValues>;
  errors: FieldErrors<ReviewFormValues>;
  formError: string | null;
  isBusy: boolean;
  isHydrated: boolean;
};

/** The decision, what still stops an ELIGIBLE signature, the meaning and the password. */
export function ReviewSignatureSection({
  decision,
  onDecision,
  blockers,
  register,
  errors,
  formError,
  isBusy,
  isHydrated,
}: Props) {
  return (
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
        onChange={onDecision}
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
        hint="Re-enter your password to sign. A wrong password counts toward account lockout. It is never saved with the draft."
        error={errors.password?.message}
        required
      >
        <Input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-slate-600">A signed check cannot be changed or signed again.</p>
        <Button type="submit" variant="primary" size="lg" loading={isBusy} disabled={!isHydrated}>
          Sign decision
        </Button>
      </div>
    </section>
  );
}
