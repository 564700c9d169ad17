import { ConsentRecord } from '@/components/consent/consent-record';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CandidatePipeline } from '@/lib/candidates/types';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { PIPELINE_STAGE_LABELS } from './labels';
import { PipelineControls } from './lazy-forms';
import type { ConsentFormChoice, EnrolmentChoice } from './pipeline-controls';
import { StageBadge } from './stage-badge';

type Props = {
  candidateId: string;
  candidateName: string;
  pipeline: CandidatePipeline;
  /** Whether the viewer may move pipelines (pipeline.move). */
  canMove: boolean;
  enrolment: EnrolmentChoice | null;
  /** The trial's consent form versions, when recording consent is a next step. */
  consentForms: ConsentFormChoice | null;
  /** False in a blinded trial: the arm stays hidden on this page. */
  showArm: boolean;
  today: string;
  /** The clinic settings' zone, for stage and event times. */
  timeZone: string;
};

/** One trial's pipeline: where the candidate is, what can happen next, and how they got here. */
export function PipelineCard({
  candidateId,
  candidateName,
  pipeline,
  canMove,
  enrolment,
  consentForms,
  showArm,
  today,
  timeZone,
}: Props) {
  const headingId = `pipeline-${pipeline.id}-heading`;
  const since = new Date(pipeline.stageChangedAt);
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        titleId={headingId}
        headingLevel="h3"
        title={pipeline.trialLabel}
        description={
          <>
            Since <time dateTime={pipeline.stageChangedAt}>{formatClinicZoned(since, timeZone)}</time>
          </>
        }
        actions={
          <span className="flex items-center gap-2 text-sm text-slate-700">
            <span className="sr-only">Stage:</span>
            <StageBadge stage={pipeline.stage} className="px-3 py-1 text-sm" />
          </span>
        }
      />
      <CardBody className="flex flex-col gap-5">
        {pipeline.enrollmentId ? (
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-600">Subject ID</dt>
              <dd className="font-mono text-base text-slate-900">{pipeline.subjectId}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">Arm</dt>
              <dd className="text-slate-900">
                {showArm && pipeline.armLabel ? pipeline.armLabel : 'Allocated; hidden because this trial is blinded'}
              </dd>
            </div>
          </dl>
        ) : null}
        {pipeline.consent ? (
          <ConsentRecord
            consent={pipeline.consent}
            canUpload={canMove}
            headingId={`${headingId}-consent`}
            timeZone={timeZone}
          />
        ) : null}

        {canMove ? (
          <PipelineControls
            candidateId={candidateId}
            candidateName={candidateName}
            trialId={pipeline.trialId}
            trialLabel={pipeline.trialLabel}
            stage={pipeline.stage}
            allowedNext={pipeline.allowedNext}
            enrolment={enrolment}
            consentForms={consentForms}
            today={today}
          />
        ) : pipeline.stage === 'AWAITING_REVIEW' ? (
          <p className="text-sm text-slate-700">
            Eligible or Ineligible is set by a clinician&apos;s signed eligibility decision.
          </p>
        ) : null}

        <section aria-labelledby={`${headingId}-history`}>
          <h4 id={`${headingId}-history`} className="mb-2 text-sm font-semibold text-slate-900">
            Stage history
          </h4>
          <ol className="relative flex flex-col gap-3 border-l-2 border-slate-200 pl-5">
            {[...pipeline.history].reverse().map((event, index) => (
              <li key={`${event.at}-${index}`} className="relative text-sm">
                <span
                  aria-hidden="true"
                  className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full bg-brand-600 ring-4 ring-white"
                />
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-900">
                  {event.fromStage ? (
                    <>
                      <span>
                        {PIPELINE_STAGE_LABELS[event.fromStage]} <span aria-hidden="true">→</span>
                        <span className="sr-only">to</span>
                      </span>
                      <StageBadge stage={event.toStage} />
                    </>
                  ) : (
                    <>
                      <span>Added to the trial at</span>
                      <StageBadge stage={event.toStage} />
                    </>
                  )}
                </p>
                <p className="mt-0.5 text-slate-700">
                  {event.actorName ?? 'System'} ·{' '}
                  <time dateTime={event.at}>{formatClinicZoned(new Date(event.at), timeZone)}</time>
                </p>
                {event.reason ? <p className="mt-1 whitespace-pre-line text-slate-800">Why: {event.reason}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </CardBody>
    </Card>
  );
}
