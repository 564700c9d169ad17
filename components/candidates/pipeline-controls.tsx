'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { movePipelineAction } from '@/app/(app)/candidates/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { PipelineMoveInput, PipelineMoveValues, PipelineStageValue } from '@/lib/validations/candidates';
import type { ConsentFormOption } from '@/lib/consent/types';
import { EXIT_STAGES, PIPELINE_STAGE_LABELS } from './labels';

/** The trial's consent form versions not retired; empty when an admin has not added one yet. */
export type ConsentFormChoice = ConsentFormOption[];

export type EnrolmentChoice = {
  /** Randomized trials take the next entry of the allocation list; others choose the arm. */
  isRandomized: boolean;
  arms: Array<{ id: string; label: string }>;
};

type Props = {
  candidateId: string;
  candidateName: string;
  trialId: string;
  trialLabel: string;
  stage: PipelineStageValue;
  /** From the server: the stages a plain move may go to (never ELIGIBLE or INELIGIBLE). */
  allowedNext: PipelineStageValue[];
  /** Present when enrolment is one of the next steps. */
  enrolment: EnrolmentChoice | null;
  /** Present when recording consent is one of the next steps. */
  consentForms: ConsentFormChoice | null;
  /** The clinic's date today, for the consent date. */
  today: string;
};

type Status = { tone: 'success' | 'error'; message: string };

const EXIT_BUTTON_LABELS: Partial<Record<PipelineStageValue, string>> = {
  WITHDRAWN: 'Withdraw',
  SCREEN_FAILED: 'Screen failed',
  LOST_TO_FOLLOW_UP: 'Lost to follow-up',
};

const isExit = (stage: PipelineStageValue) => (EXIT_STAGES as readonly PipelineStageValue[]).includes(stage);
/** Moves that need more than a click: a reason, the consent details, the arm, or a confirmation (completion closes the pipeline). */
const needsDialog = (stage: PipelineStageValue) =>
  isExit(stage) || stage === 'CONSENTED' || stage === 'ENROLLED' || stage === 'COMPLETED';

/** The next steps of one trial's pipeline, as buttons. */
export function PipelineControls({
  candidateId,
  candidateName,
  trialId,
  trialLabel,
  stage,
  allowedNext,
  enrolment,
  consentForms,
  today,
}: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<Status | null>(null);
  const [busyStage, setBusyStage] = useState<PipelineStageValue | null>(null);
  const [dialogStage, setDialogStage] = useState<PipelineStageValue | null>(null);
  // The button just used disappears with the new stage; keep keyboard focus on the result instead.
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (status?.tone === 'success') statusRef.current?.focus();
  }, [status]);

  const forward = allowedNext.filter((next) => !isExit(next));
  const exits = allowedNext.filter(isExit);

  async function quickMove(to: PipelineStageValue) {
    setStatus(null);
    setBusyStage(to);
    const result = await movePipelineAction({ candidateId, trialId, to });
    setBusyStage(null);
    if (result.ok) {
      // The action revalidates this page, so the new stage and buttons arrive with its answer.
      setStatus({ tone: 'success', message: `Moved to ${PIPELINE_STAGE_LABELS[to]} in ${trialLabel}.` });
    } else {
      setStatus({ tone: 'error', message: result.error.message });
      // Someone else may have moved it first: show the current stage.
      if (result.error.code === 'CONFLICT') router.refresh();
    }
  }

  function onDialogDone(to: PipelineStageValue, subjectId: string | null) {
    setDialogStage(null);
    const assigned = to === 'ENROLLED' && subjectId ? ` Subject ID ${subjectId}.` : '';
    setStatus({ tone: 'success', message: `Moved to ${PIPELINE_STAGE_LABELS[to]} in ${trialLabel}.${assigned}` });
  }

  const statusAlert = status ? (
    <div
      ref={statusRef}
      tabIndex={-1}
      className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <Alert tone={status.tone}>{status.message}</Alert>
    </div>
  ) : null;

  if (allowedNext.length === 0 && stage !== 'AWAITING_REVIEW') return statusAlert;

  return (
    <div className="flex flex-col gap-3">
      {statusAlert}
      {stage === 'AWAITING_REVIEW' ? (
        <Alert tone="info" live="none">
          Eligible or Ineligible is set by a clinician&apos;s signed eligibility decision, not by a button here.
        </Alert>
      ) : null}
      {forward.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          {forward.map((to) => (
            <Button
              key={to}
              variant="primary"
              loading={busyStage === to}
              disabled={busyStage !== null}
              onClick={() => (needsDialog(to) ? setDialogStage(to) : quickMove(to))}
            >
              {to === 'CONSENTED'
                ? 'Record consent'
                : to === 'ENROLLED'
                  ? 'Enrol'
                  : to === 'COMPLETED'
                    ? 'Mark completed'
                    : `Move to ${PIPELINE_STAGE_LABELS[to]}`}
            </Button>
          ))}
        </div>
      ) : null}
      {exits.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700">Leaves the pipeline:</span>
          {exits.map((to) => (
            <Button
              key={to}
              variant="secondary"
              size="sm"
              disabled={busyStage !== null}
              onClick={() => setDialogStage(to)}
            >
              {EXIT_BUTTON_LABELS[to] ?? PIPELINE_STAGE_LABELS[to]}
            </Button>
          ))}
        </div>
      ) : null}
      {dialogStage ? (
        <MoveDialog
          key={dialogStage}
          candidateId={candidateId}
          candidateName={candidateName}
          trialId={trialId}
          trialLabel={trialLabel}
          to={dialogStage}
          enrolment={enrolment}
          consentForms={consentForms ?? []}
          today={today}
          onClose={() => setDialogStage(null)}
          onDone={onDialogDone}
        />
      ) : null}
    </div>
  );
}

type DialogProps = {
  candidateId: string;
  candidateName: string;
  trialId: string;
  trialLabel: string;
  to: PipelineStageValue;
  enrolment: EnrolmentChoice | null;
  consentForms: ConsentFormChoice;
  today: string;
  onClose: () => void;
  onDone: (to: PipelineStageValue, subjectId: string | null) => void;
};

const MOVE_FIELDS = ['reason', 'armId', 'consent.consentedOn', 'consent.formVersionId'] as const;

/** Asks for what a move needs: the reason for leaving, the consent details, or the arm. */
function MoveDialog({
  candidateId,
  candidateName,
  trialId,
  trialLabel,
  to,
  enrolment,
  consentForms,
  today,
  onClose,
  onDone,
}: DialogProps) {
  const formId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const exit = isExit(to);
  const isConsent = to === 'CONSENTED';
  const isEnrol = to === 'ENROLLED';
  const isCompletion = to === 'COMPLETED';
  const choosesArm = isEnrol && enrolment !== null && !enrolment.isRandomized;

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PipelineMoveValues, unknown, PipelineMoveInput>({
    resolver: schemaResolver(() => import('@/lib/validations/candidates').then((m) => m.pipelineMoveSchema)),
    defaultValues: {
      trialId,
      to,
      reason: '',
      ...(isConsent
        ? { consent: { consentedOn: today, formVersionId: consentForms.length === 1 ? consentForms[0].id : '' } }
        : {}),
      ...(choosesArm ? { armId: '' } : {}),
    },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    if (exit && !values.reason) {
      setError(
        'reason',
        { type: 'manual', message: 'Say why the candidate leaves the pipeline.' },
        { shouldFocus: true },
      );
      return;
    }
    if (choosesArm && !values.armId) {
      setError('armId', { type: 'manual', message: 'Choose the arm.' }, { shouldFocus: true });
      return;
    }
    const result = await movePipelineAction({ ...values, candidateId });
    if (result.ok) {
      onDone(to, result.data.subjectId);
      return;
    }
    setFormError(applyServerErrors(result.error, setError, MOVE_FIELDS));
  });

  const title = exit
    ? `${PIPELINE_STAGE_LABELS[to]}: ${candidateName}`
    : isConsent
      ? `Record consent: ${candidateName}`
      : isCompletion
        ? `Mark completed: ${candidateName}`
        : `Enrol ${candidateName}`;
  const description = exit
    ? `${candidateName} leaves the ${trialLabel} pipeline. The reason goes into the stage history.`
    : isConsent
      ? `The signed consent form for ${trialLabel}. You are recorded as the person who obtained it.`
      : isCompletion
        ? `${candidateName} has finished ${trialLabel}. This ends the enrolment and closes the pipeline; it cannot be undone.`
        : enrolment?.isRandomized
          ? `${trialLabel} is randomized: enrolling reveals the next entry of its allocation list. This is recorded and cannot be undone.`
          : `Choose the arm of ${trialLabel} that ${candidateName} joins.`;

  return (
    <Dialog
      open
      onClose={() => (isSubmitting ? undefined : onClose())}
      title={title}
      description={description}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant={exit ? 'danger' : 'primary'} loading={isSubmitting}>
            {exit
              ? `Mark ${PIPELINE_STAGE_LABELS[to].toLowerCase()}`
              : isConsent
                ? 'Record consent'
                : isCompletion
                  ? 'Mark completed'
                  : 'Enrol'}
          </Button>
        </>
      }
    >
      <form method="post" id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {isConsent ? (
          <>
            <Field label="Consent date" error={errors.consent?.consentedOn?.message} required>
              <Input type="date" max={today} {...register('consent.consentedOn')} />
            </Field>
            {consentForms.length === 0 ? (
              <Alert tone="warning" live="none">
                {trialLabel} has no approved consent form version yet: an admin adds it on the trial page.
              </Alert>
            ) : null}
            <Field
              label="Consent form version"
              hint="The IRB-approved version printed on the signed form. You attach the signed PDF after recording."
              error={errors.consent?.formVersionId?.message}
              required
            >
              <Select
                placeholder="Choose the version"
                options={consentForms.map((form) => ({ value: form.id, label: form.label }))}
                {...register('consent.formVersionId')}
              />
            </Field>
          </>
        ) : null}
        {choosesArm && enrolment ? (
          <Field label="Arm" error={errors.armId?.message} required>
            <Select
              placeholder="Choose the arm"
              options={enrolment.arms.map((arm) => ({ value: arm.id, label: arm.label }))}
              {...register('armId')}
            />
          </Field>
        ) : null}
        <Field label={exit ? 'Reason' : 'Note (optional)'} error={errors.reason?.message} required={exit}>
          <Textarea rows={3} {...register('reason')} />
        </Field>
      </form>
    </Dialog>
  );
}
