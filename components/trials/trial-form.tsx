'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import { createTrialAction, updateTrialAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button, LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { ErrorBody } from '@/lib/errors/app-error';
import type { TrialDraftInput, TrialPatchInput } from '@/lib/validations/trials';
import { ArmsFields, AssessmentPlanFields, CriteriaFields, InterventionsFields } from './protocol-fields';
import { OutcomesFields, RegistryFields, SitesFields } from './registry-fields';
import { protocolFingerprint, type TrialFormValues } from './trial-form-values';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

const SEGMENT_LABELS: Record<string, string> = {
  arms: 'Arm',
  interventions: 'Intervention',
  criteria: 'Criterion',
  sites: 'Site',
  outcomes: 'Outcome measure',
  assessmentPlan: 'Assessment',
  doseSteps: 'Dose step',
  dosing: 'dosing',
  extension: 'extension',
  timepoint: 'timepoint',
  nctId: 'NCT id',
  protocolNumber: 'protocol number',
  shortTitle: 'short title',
  overallStatus: 'status',
  studyType: 'study type',
  leadSponsor: 'lead sponsor',
  principalInvestigator: 'principal investigator',
  targetEnrollment: 'target enrollment',
  startDate: 'start date',
  completionDate: 'completion date',
  briefSummary: 'brief summary',
  coverageNote: 'coverage note',
  amendmentReason: 'amendment reason',
  allocationWeight: 'allocation weight',
  armLabels: 'arms',
  mgPerKg: 'mg/kg',
  fixedMg: 'fixed dose',
  weightBasis: 'weight basis',
  doseMode: 'dose',
  maxMgPerSession: 'maximum per session',
  roundingIncrementMg: 'rounding',
  infusionMinutes: 'infusion duration',
  concentrationMgPerMl: 'concentration',
  diluentVolumeMl: 'diluent volume',
  sessionCount: 'number of sessions',
  sessionsPerWeek: 'sessions per 7 days',
  minHoursBetweenSessions: 'minimum hours between sessions',
  maxDaysBetweenSessions: 'maximum days between sessions',
  sessionKind: 'session setting',
  sessionDurationMinutes: 'stay duration',
  weightWindowDays: 'weight validity',
  minDaysAfterLastSession: 'earliest day',
  maxDaysAfterLastSession: 'latest day',
  windowBeforeDays: 'window before',
  windowAfterDays: 'window after',
  text: 'wording',
};

/** "arms.0.dosing.mgPerKg" → "Arm 1, dosing, mg/kg". */
function describePath(path: string): string {
  if (path === '_' || path === '') return '';
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment) && parts.length > 0)
      parts[parts.length - 1] = `${parts[parts.length - 1]} ${Number(segment) + 1}`;
    else parts.push(SEGMENT_LABELS[segment] ?? segment);
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every message in react-hook-form's error tree, with its path. */
function flattenErrors(errors: FieldErrors, prefix = ''): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || key === 'ref') continue;
    const path = key === 'root' ? prefix : prefix ? `${prefix}.${key}` : key;
    const node = value as { message?: unknown; type?: unknown };
    if (typeof node.message === 'string' && node.type !== undefined) out.push({ path, message: node.message });
    else if (typeof value === 'object') out.push(...flattenErrors(value as FieldErrors, path));
  }
  return out;
}

type Problem = { message: string; items: Array<{ path: string; message: string }> };

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-24">
      <CardHeader titleId={`${id}-heading`} title={title} description={description} />
      <CardBody>{children}</CardBody>
    </Card>
  );
}

export type TrialFormProps =
  | { mode: 'create'; defaultValues: TrialFormValues }
  | {
      mode: 'edit';
      trialId: string;
      defaultValues: TrialFormValues;
      /** Someone has been screened: protocol changes create a new version and need a reason. */
      hasScreenings: boolean;
      protocolVersion: number;
      enrollmentByArmId: Record<string, number>;
    };

/**
 * Create or edit a trial: registry fields, sites, outcomes, arms with dosing,
 * interventions, eligibility criteria and the assessment plan. Validates with
 * the same schema as the server (the draft schema to create, the patch schema to
 * edit) and puts the server's field errors back on the fields.
 */
export function TrialForm(props: TrialFormProps) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const isEdit = props.mode === 'edit';
  const resolver = (isEdit
    ? schemaResolver(() => import('@/lib/validations/trials').then((m) => m.trialPatchSchema))
    : schemaResolver(() =>
        import('@/lib/validations/trials').then((m) => m.trialDraftSchema),
      )) as unknown as Resolver<TrialFormValues>;
  const methods = useForm<TrialFormValues>({ resolver, defaultValues: props.defaultValues, mode: 'onTouched' });
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = methods;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [serverWantsReason, setServerWantsReason] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);
  const initialProtocol = useRef(protocolFingerprint(props.defaultValues));

  const [arms, criteria, assessmentPlan] = useWatch({ control, name: ['arms', 'criteria', 'assessmentPlan'] });
  const touchesProtocol =
    isEdit &&
    protocolFingerprint({ arms: arms ?? [], criteria: criteria ?? [], assessmentPlan: assessmentPlan ?? [] }) !==
      initialProtocol.current;
  const showReason = isEdit && (props.hasScreenings || serverWantsReason);
  const reasonRequired = isEdit && ((props.hasScreenings && touchesProtocol) || serverWantsReason);

  function report(next: Problem) {
    setProblem(next);
    requestAnimationFrame(() => problemRef.current?.focus());
  }

  function applyServerError(error: ErrorBody['error']) {
    const items: Problem['items'] = [];
    for (const [path, messages] of Object.entries(error.fields ?? {})) {
      const message = messages.join(' ');
      items.push({ path, message });
      if (path === 'amendmentReason') setServerWantsReason(true);
      if (path !== '_') setError(path as Path<TrialFormValues>, { type: 'server', message });
    }
    const message =
      error.code === 'CONFLICT' && items.length === 0
        ? `${error.message}. Your changes are still in the form: copy what you need, then reload the page to see the current record.`
        : items.length > 0 && error.code === 'VALIDATION_FAILED'
          ? 'The server did not accept some fields. Check the highlighted fields.'
          : error.message;
    report({ message, items });
  }

  const onValid = async (values: TrialFormValues) => {
    setProblem(null);
    if (props.mode === 'create') {
      const result = await withSubmissionKey((options) => createTrialAction(values as TrialDraftInput, options));
      if (result.ok) {
        router.push(`/trials/${result.data.id}?created=1`);
        return;
      }
      applyServerError(result.error);
      return;
    }
    if (reasonRequired) {
      const { amendmentReasonSchema } = await import('@/lib/validations/trials');
      const reason = amendmentReasonSchema.safeParse(values.amendmentReason ?? '');
      if (!reason.success) {
        setError(
          'amendmentReason',
          { type: 'required', message: reason.error.issues[0]?.message ?? 'Say why the protocol is being amended.' },
          { shouldFocus: true },
        );
        return;
      }
    }
    const patch = {
      ...values,
      id: props.trialId,
      amendmentReason: reasonRequired ? values.amendmentReason : undefined,
    } as TrialPatchInput & { id: string };
    const result = await updateTrialAction(patch);
    if (result.ok) {
      const amended =
        result.data.protocolVersion > props.protocolVersion ? `&amended=${result.data.protocolVersion}` : '';
      router.push(`/trials/${props.trialId}?saved=1${amended}`);
      return;
    }
    applyServerError(result.error);
  };

  const onInvalid = (invalid: FieldErrors<TrialFormValues>) => {
    const items = flattenErrors(invalid as FieldErrors);
    report({
      message: items.length === 1 ? 'One field needs attention.' : `${items.length} fields need attention.`,
      items,
    });
  };

  return (
    <FormProvider {...methods}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}
        className="flex flex-col gap-6"
      >
        {problem ? (
          <div ref={problemRef} tabIndex={-1} className="focus:outline-none">
            <Alert tone="error" title={problem.message}>
              {problem.items.length > 0 ? (
                <ul className="list-disc pl-5">
                  {problem.items.slice(0, 20).map((item) => (
                    <li key={`${item.path}:${item.message}`}>
                      {describePath(item.path) ? (
                        <span className="font-medium">{describePath(item.path)}: </span>
                      ) : null}
                      {item.message}
                    </li>
                  ))}
                  {problem.items.length > 20 ? <li>And {problem.items.length - 20} more.</li> : null}
                </ul>
              ) : null}
            </Alert>
          </div>
        ) : null}

        {isEdit && props.hasScreenings ? (
          <Alert tone="warning" live="none" title="People have been screened for this trial">
            Changes to eligibility criteria, arms, dosing or the assessment plan create protocol version{' '}
            {props.protocolVersion + 1} and need a reason. Screenings already done keep version {props.protocolVersion}.
            Registry fields (titles, status, sites) change in place.
          </Alert>
        ) : null}

        <Section
          id="registry"
          title="Registry record"
          description="Identification, status and design, as on ClinicalTrials.gov."
        >
          <RegistryFields />
        </Section>
        <Section id="sites" title="Sites">
          <SitesFields />
        </Section>
        <Section id="outcomes" title="Outcome measures">
          <OutcomesFields />
        </Section>
        <Section
          id="arms"
          title="Arms and dosing"
          description="Each arm's dosing protocol is what the dose calculator and the scheduler use."
        >
          <ArmsFields enrollmentByArmId={isEdit ? props.enrollmentByArmId : {}} />
        </Section>
        <Section id="interventions" title="Interventions">
          <InterventionsFields />
        </Section>
        <Section
          id="criteria"
          title="Eligibility criteria"
          description="In protocol order. A criterion without a confirmed rule is decided by clinician judgment."
        >
          <CriteriaFields />
        </Section>
        <Section id="assessment-plan" title="Assessment plan">
          <AssessmentPlanFields />
        </Section>

        {showReason ? (
          <Card aria-labelledby="amendment-heading">
            <CardHeader titleId="amendment-heading" title="Protocol amendment" />
            <CardBody>
              <Field
                label="Reason for the amendment"
                hint={
                  reasonRequired
                    ? 'Required: this edit changes the protocol people have been screened under, so it is saved as a new protocol version with this reason.'
                    : 'Only needed if you change criteria, arms, dosing or the assessment plan.'
                }
                error={errors.amendmentReason?.message}
                required={reasonRequired}
              >
                <Textarea
                  rows={3}
                  {...register('amendmentReason', {
                    setValueAs: (value: unknown) =>
                      typeof value === 'string' && value.trim() === '' ? undefined : value,
                  })}
                />
              </Field>
            </CardBody>
          </Card>
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button type="submit" loading={isSubmitting}>
            {isEdit ? 'Save changes' : 'Create trial'}
          </Button>
          <LinkButton href={isEdit ? `/trials/${props.trialId}` : '/trials'} variant="secondary">
            Cancel
          </LinkButton>
        </div>
      </form>
    </FormProvider>
  );
}
