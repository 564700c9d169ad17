'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { calculateDoseAction, verifyDoseAction } from '@/app/(app)/visits/actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { DoseVerificationInput, DosingCalculateInput } from '@/lib/validations/infusions';
import { DEFAULT_VERIFY_MEANING } from '@/lib/infusions/verify-meaning';
import { messageOf, schemaResolver } from '@/components/ui/form/schema-resolver';
import { numberOrUndefined, useActionRunner } from '@/components/ui/form/use-action-runner';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';

type Calculation = {
  doseMg: number;
  capped: boolean;
  volumeMl: number | null;
  rateMlPerH: number | null;
  steps: string[];
};

type WeightValues = { weightKg: string; heightCm: string };
type SignValues = { lotId: string; password: string };

/** Today's weight, and the height only when one is entered (the schema then reports what is missing). */
function weightInput(values: WeightValues): { weightKg: number; heightCm?: number } {
  const heightCm = numberOrUndefined(values.heightCm);
  return {
    weightKg: numberOrUndefined(values.weightKg) ?? Number.NaN,
    ...(heightCm !== undefined ? { heightCm } : {}),
  };
}

const mg = (value: number) => `${Number(value.toFixed(3))} mg`;

export function DoseResult({ result, title }: { result: Calculation; title: string }) {
  return (
    <section aria-label={title} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-2xl font-semibold text-slate-900 tabular-nums">
          <span className="sr-only">{title}: </span>
          {mg(result.doseMg)}
        </p>
        {result.capped ? <Badge tone="warning">Capped</Badge> : null}
        {result.volumeMl !== null ? (
          <span className="text-sm text-slate-700">{Number(result.volumeMl.toFixed(2))} mL</span>
        ) : null}
        {result.rateMlPerH !== null ? (
          <span className="text-sm text-slate-700">at {Number(result.rateMlPerH.toFixed(1))} mL/h</span>
        ) : null}
      </div>
      <ol aria-label="Calculation steps" className="list-decimal pl-5 text-sm text-slate-800">
        {result.steps.map((step, index) => (
          <li key={`${index}-${step}`}>{step}</li>
        ))}
      </ol>
    </section>
  );
}

/**
 * What blinded staff see at a masked trial's infusion: the study drug per protocol, and a volume
 * and rate only when they are the same for every arm; who verified the dose, never the mg.
 */
function BlindedDose({ visit }: { visit: VisitDayView }) {
  const preparation = visit.blinding.preparation;
  const v = visit.verification;
  return (
    <div className="flex flex-col gap-3">
      <section
        aria-label="Study drug"
        className="flex flex-col gap-1 rounded-md border border-slate-200 bg-slate-50 p-4"
      >
        <p className="text-xl font-semibold text-slate-900">{preparation?.label ?? 'Study drug per protocol'}</p>
        <p className="text-sm text-slate-700">
          {preparation?.volumeMl != null && preparation.rateMlPerH != null
            ? `${preparation.volumeMl} mL at ${preparation.rateMlPerH} mL/h`
            : 'Volume and rate as on the pharmacy label'}
        </p>
      </section>
      {v ? (
        <p className="text-sm text-slate-800">
          Prepared and verified by {v.by} (e-signature), weight {v.weightKg} kg.
        </p>
      ) : (
        <Alert tone="info" live="none">
          This trial is masked: the trial&apos;s unblinded staff prepare and verify the dose. You will see here when it
          is ready.
        </Alert>
      )}
    </div>
  );
}

/** Today's weight → the calculated dose with every step; a clinician verifies it with a password e-signature. */
export function DoseStep({
  visit,
  canVerify,
  canCalculate,
}: {
  visit: VisitDayView;
  canVerify: boolean;
  canCalculate: boolean;
}) {
  const [calculation, setCalculation] = useState<Calculation | null>(null);
  const calc = useActionRunner();
  const sign = useActionRunner();
  // Today's weight (and height) feed both the preview calculation and the signed verification.
  const weightForm = useForm<WeightValues, unknown, DosingCalculateInput>({
    resolver: schemaResolver(
      () => import('@/lib/validations/infusions').then((m) => m.dosingCalculateSchema),
      (values: WeightValues) => ({
        trialId: visit.trialId,
        armId: visit.armId ?? '',
        sessionNumber: visit.sessionNumber,
        ...weightInput(values),
      }),
    ),
    defaultValues: { weightKg: '', heightCm: '' },
  });
  const signForm = useForm<SignValues, unknown, DoseVerificationInput>({
    resolver: schemaResolver(
      () => import('@/lib/validations/infusions').then((m) => m.doseVerificationSchema),
      (values: SignValues) => ({
        ...weightInput(weightForm.getValues()),
        ...(values.lotId ? { lotId: values.lotId } : {}),
        password: values.password,
      }),
    ),
    defaultValues: { lotId: visit.drugLots[0]?.id ?? '', password: '' },
  });

  if (visit.blinding.isBlinded) return <BlindedDose visit={visit} />;
  if (visit.verification && visit.verification.doseMg !== null) {
    const v = {
      ...visit.verification,
      doseMg: visit.verification.doseMg,
      isCapped: visit.verification.isCapped ?? false,
    };
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-800">
          Weight {v.weightKg} kg{v.heightCm !== null ? `, height ${v.heightCm} cm` : ''}. Verified by e-signature: “
          {DEFAULT_VERIFY_MEANING}”.
          {visit.drug?.lot ? ` Drawn from ${visit.drug.lot.drug}, lot ${visit.drug.lot.lotNumber}.` : ''}
        </p>
        <DoseResult
          result={{
            doseMg: v.doseMg,
            capped: v.isCapped,
            volumeMl: v.volumeMl,
            rateMlPerH: v.rateMlPerH,
            steps: v.steps,
          }}
          title="Verified dose"
        />
      </div>
    );
  }
  if (!canCalculate) return <p className="text-sm text-slate-700">A clinician calculates and verifies the dose.</p>;

  const canPreview = visit.armId !== null;
  // Only the unblinded get the drug side; "no lot" is a choice only where the trial has a placebo preparation.
  const hasPlaceboArm = visit.drug?.hasPlaceboArm === true;
  const signErrors = signForm.formState.errors;
  const weightError = messageOf(signErrors, 'weightKg') ?? sign.fieldErrors.weightKg;
  const heightError = messageOf(signErrors, 'heightCm') ?? sign.fieldErrors.heightCm;
  const verifyForm = (
    <form
      method="post"
      noValidate
      aria-label="Verify the dose"
      className="flex flex-col gap-3 rounded-md border border-brand-600/40 p-4"
      onSubmit={signForm.handleSubmit(
        async (values) => {
          const done = await sign.run(
            (options) => verifyDoseAction({ visitId: visit.visitId, ...values }, options),
            (data) => `Dose verified: ${mg(data.doseMg)}.`,
          );
          if (!done) signForm.setFocus('password');
        },
        () => signForm.setFocus('password'),
      )}
    >
      <p className="text-sm font-medium text-slate-900">E-signature: {DEFAULT_VERIFY_MEANING}.</p>
      <StatusAlert message={sign.message} />
      {weightError || heightError ? (
        <p className="text-sm font-medium text-red-700">{[weightError, heightError].filter(Boolean).join(' ')}</p>
      ) : null}
      {visit.drugLots.length > 0 ? (
        <Field
          label="Drug lot"
          hint={
            hasPlaceboArm
              ? 'The dose is drawn from this lot when the infusion is recorded (controlled-drug record). Leave empty for a placebo preparation.'
              : 'Choose the lot the dose is drawn from; the amount given is taken from it when the infusion is recorded (controlled-drug record).'
          }
          error={messageOf(signErrors, 'lotId') ?? sign.fieldErrors.lotId}
          className="max-w-xl"
        >
          <Select
            placeholder={hasPlaceboArm ? 'No lot (placebo preparation)' : 'No lot chosen'}
            options={visit.drugLots.map((lot) => ({ value: lot.id, label: lot.label }))}
            {...signForm.register('lotId')}
          />
        </Field>
      ) : null}
      <Field
        label="Your password"
        hint="Re-enter your password to sign. Wrong attempts count toward the account lockout."
        error={signErrors.password?.message ?? sign.fieldErrors.password}
        required
        className="max-w-sm"
      >
        <Input type="password" autoComplete="current-password" {...signForm.register('password')} />
      </Field>
      <div>
        <Button type="submit" loading={sign.pending} size="lg">
          Verify dose
        </Button>
      </div>
    </form>
  );

  if (!canPreview) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          The trial is masked: the dose is calculated and shown when the clinician signs.
        </p>
        {canVerify ? (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Today's weight (kg)" required>
                <Input
                  type="number"
                  inputMode="decimal"
                  step="0.1"
                  min={30}
                  max={300}
                  {...weightForm.register('weightKg')}
                />
              </Field>
              <Field label="Height (cm)" hint="Needed when the dose uses ideal or adjusted body weight">
                <Input type="number" inputMode="decimal" step="0.1" {...weightForm.register('heightCm')} />
              </Field>
            </div>
            {verifyForm}
          </>
        ) : (
          <Alert tone="info" live="none">
            Only a clinician can verify the dose.
          </Alert>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {visit.doseSummary ? <p className="text-sm text-slate-700">Protocol: {visit.doseSummary}</p> : null}
      <form
        method="post"
        noValidate
        aria-label="Calculate the dose"
        className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]"
        onSubmit={weightForm.handleSubmit(
          async (values) => {
            setCalculation(null);
            const result = await calc.run(() => calculateDoseAction(values), 'Dose calculated.');
            if (result) setCalculation(result);
          },
          () => setCalculation(null),
        )}
      >
        <Field
          label="Today's weight (kg)"
          error={weightForm.formState.errors.weightKg?.message ?? calc.fieldErrors.weightKg}
          required
        >
          <Input
            type="number"
            inputMode="decimal"
            step="0.1"
            min={30}
            max={300}
            {...weightForm.register('weightKg', { onChange: () => setCalculation(null) })}
          />
        </Field>
        {visit.needsHeight ? (
          <Field
            label="Height (cm)"
            error={weightForm.formState.errors.heightCm?.message ?? calc.fieldErrors.heightCm}
            required
          >
            <Input
              type="number"
              inputMode="decimal"
              step="0.1"
              {...weightForm.register('heightCm', { onChange: () => setCalculation(null) })}
            />
          </Field>
        ) : (
          <span />
        )}
        <Button type="submit" variant="secondary" loading={calc.pending}>
          Calculate dose
        </Button>
      </form>
      {calc.message?.tone === 'error' ? <StatusAlert message={calc.message} /> : null}
      {calculation ? <DoseResult result={calculation} title="Calculated dose" /> : null}
      {calculation && canVerify ? verifyForm : null}
      {calculation && !canVerify ? (
        <Alert tone="info" live="none">
          Only a clinician can verify the dose.
        </Alert>
      ) : null}
    </div>
  );
}
