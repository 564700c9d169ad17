import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  DUE_STATUS_LABELS,
  DUE_STATUS_TONES,
  ENROLLMENT_STATUS_LABELS,
  flagLabel,
  formatCalendarDate,
  instrumentLabel,
  shortInstrumentName,
  timepointLabel,
} from '@/components/outcomes/format';
import { InstrumentOutcomeCard } from '@/components/outcomes/instrument-outcome-card';
import { RecordAssessmentForm } from '@/components/outcomes/lazy-forms';
import { ScreeningBaselinePanel } from '@/components/outcomes/lazy-forms';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { SafetyAlertsPanel } from '@/components/safety/safety-alerts-panel';
import { SelfReportPanel } from '@/components/self-report/lazy-forms';
import { describeTimepointCode } from '@/components/trials/describe-timepoint';
import { INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { listSelfReportSlots } from '@/lib/self-report/list-self-report-slots';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { isAppError } from '@/lib/errors/app-error';
import { getParticipantOutcomes } from '@/lib/results/get-participant-outcomes';
import { getScreeningBaselineOffer } from '@/lib/assessments/get-screening-baseline-offer';

export const metadata = { title: 'Participant outcomes' };

export default async function ParticipantOutcomesPage({ params }: { params: Promise<{ enrollmentId: string }> }) {
  const user = await requirePageUser('outcome.read');
  const { enrollmentId } = await params;
  const ctx = await getPageContext(user);
  const outcomes = await getParticipantOutcomes({ enrollmentId, ctx }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { enrollment } = outcomes;
  const canRecord = hasPermission(user.role, 'outcome.record');
  const canSend = hasPermission(user.role, 'selfreport.send');
  const selfReport = canSend ? await listSelfReportSlots({ enrollmentId: enrollment.id }) : null;
  const baselineOffer = canRecord ? await getScreeningBaselineOffer({ enrollmentId: enrollment.id }) : null;
  const recorded = outcomes.instruments.flatMap((series) =>
    series.points.map((point) => `${series.instrument} ${point.timepoint}`),
  );
  const latestFlag = outcomes.safetyFlags[0];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link
            href={`/candidates/${enrollment.candidateId}`}
            className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            ← {enrollment.participantName}
          </Link>
        }
        title={`Outcomes: ${enrollment.participantName}`}
        description={
          <>
            {enrollment.trialLabel} · Subject ID <span className="font-mono">{enrollment.subjectId}</span> · MRN{' '}
            {enrollment.mrn} · {enrollment.armLabel ?? 'Arm masked'} · Enrolled{' '}
            {formatCalendarDate(enrollment.enrolledAt)} ·{' '}
            {ENROLLMENT_STATUS_LABELS[enrollment.status] ?? enrollment.status}
            {enrollment.endedAt ? ` on ${formatCalendarDate(enrollment.endedAt)}` : ''}
            {enrollment.endReason ? ` (${enrollment.endReason})` : ''}
          </>
        }
        actions={
          <Link
            href={`/outcomes/${enrollment.trialId}`}
            className="rounded-sm text-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            Trial results
          </Link>
        }
      />

      <SafetyAlertsPanel user={user} enrollmentId={enrollment.id} showParticipant={false} />
      {latestFlag ? (
        <p className="text-sm text-slate-800">
          Latest suicidality answer: {latestFlag.flags.map(flagLabel).join('; ')} at{' '}
          {timepointLabel(latestFlag.timepoint).toLowerCase()} on{' '}
          {formatClinicZoned(new Date(latestFlag.administeredAt), outcomes.timeZone)}.
          {outcomes.safetyFlags.length > 1
            ? ` ${outcomes.safetyFlags.length} current questionnaires carry such an answer.`
            : ''}
        </p>
      ) : null}

      {outcomes.instruments.length === 0 ? (
        <Alert tone="info" live="none">
          This trial&apos;s protocol has no assessment plan and no questionnaires are recorded.
        </Alert>
      ) : (
        outcomes.instruments.map((series) => (
          <InstrumentOutcomeCard
            key={series.instrument}
            series={series}
            sessions={outcomes.sessions}
            enrollmentId={enrollment.id}
            canRecord={canRecord}
            timeZone={outcomes.timeZone}
          />
        ))
      )}

      <Card aria-labelledby="assessment-plan">
        <CardHeader
          titleId="assessment-plan"
          title="Assessment plan"
          description="Due dates follow the enrollment date and the infusion sessions; windows are in clinic days."
        />
        <CardBody>
          <div className="overflow-x-auto" role="region" aria-labelledby="assessment-plan" tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Instrument
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Timepoint
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Due
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Window
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcomes.due.map((item) => (
                  <tr key={`${item.instrument}-${item.timepoint}`} className="border-b border-slate-100">
                    <td className="px-3 py-2" title={instrumentLabel(item.instrument)}>
                      {shortInstrumentName(item.instrument)}
                    </td>
                    <td className="px-3 py-2">{timepointLabel(item.timepoint)}</td>
                    <td className="px-3 py-2">
                      {item.dueOn ? formatCalendarDate(item.dueOn) : 'Session not booked'}
                      {item.isProjected ? (
                        <span className="block text-xs text-slate-600">projected from the booking</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      {item.windowStart && item.windowEnd
                        ? `${formatCalendarDate(item.windowStart)} – ${formatCalendarDate(item.windowEnd)}`
                        : '—'}
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={DUE_STATUS_TONES[item.status]}>{DUE_STATUS_LABELS[item.status]}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CardBody>
      </Card>

      {selfReport ? (
        <Card aria-labelledby="self-report-heading" className="print:hidden">
          <CardHeader
            titleId="self-report-heading"
            title="Participant self-report"
            description="Questionnaires the participant can answer themselves, by a one-time link or on the clinic tablet. Their answers are the original record; staff can only correct them with a reason."
          />
          <CardBody>
            <SelfReportPanel
              enrollmentId={enrollment.id}
              hasEmail={selfReport.hasEmail}
              timeZone={outcomes.timeZone}
              rows={selfReport.rows.map((row) => ({
                ...row,
                instrumentLabel: isInstrumentCode(row.instrument) ? INSTRUMENT_LABELS[row.instrument] : row.instrument,
                timepointLabel: describeTimepointCode(row.timepoint),
              }))}
            />
          </CardBody>
        </Card>
      ) : null}

      {baselineOffer ? (
        <Card aria-labelledby="screening-baseline" className="print:hidden">
          <CardHeader
            titleId="screening-baseline"
            title="PHQ-9 baseline from screening"
            description="The PHQ-9 answered at screening can be this participant's baseline, without typing it again. Check the answers before you confirm."
          />
          <CardBody>
            <ScreeningBaselinePanel enrollmentId={enrollment.id} offer={baselineOffer} timeZone={outcomes.timeZone} />
          </CardBody>
        </Card>
      ) : null}

      {canRecord ? (
        <Card aria-labelledby="record-questionnaire" className="print:hidden">
          <CardHeader
            titleId="record-questionnaire"
            title="Record questionnaire"
            description="Enter each answer as given; the score is computed for you. Leave an item as “Not answered” if it was skipped."
          />
          <CardBody>
            <RecordAssessmentForm
              enrollmentId={enrollment.id}
              plan={outcomes.plan}
              recorded={recorded}
              timeZone={outcomes.timeZone}
            />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
