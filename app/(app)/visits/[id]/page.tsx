import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { VisitDayView } from '@/components/infusions/visit-day/types';
import { VisitStepper } from '@/components/infusions/visit-day/visit-stepper';
import { PrintButton } from '@/components/schedule/print-button';
import { sessionLabel, VISIT_STATUS_LABELS, VISIT_STATUS_TONES } from '@/components/schedule/visit-status';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { clinicZoneAbbreviation } from '@/lib/clinic/clinic-wall-time';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { describeSessionDose } from '@/lib/dosing/describe-dosing';
import { isAppError } from '@/lib/errors/app-error';
import { listLots } from '@/lib/drug-inventory/list-lots';
import { getVisitDayRecord } from '@/lib/infusions/get-visit-day';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { needsChair } from '@/lib/scheduling/session-policy';
import { idParamsSchema } from '@/lib/validations/infusions';

export const metadata: Metadata = { title: 'Infusion day' };

type Props = { params: Promise<{ id: string }> };

export default async function VisitDayPage({ params }: Props) {
  const user = await requirePageUser('schedule.read');
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const ctx = await getPageContext(user);
  let record;
  try {
    record = await getVisitDayRecord({ visitId: parsed.data.id, ctx });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const { day, stepTimes } = record;

  const settings = await getClinicSettings();
  const name = `${day.participant.lastName}, ${day.participant.firstName}`;
  // The zone is named: a visit at "08:00" read from a laptop in another zone must not look like local time.
  const zone = clinicZoneAbbreviation(new Date(day.visit.scheduledAt), settings.timeZone);
  // A perioperative or inpatient session is recorded here like a chair visit; the header says where it is.
  const place = needsChair(day.visit.sessionKind) ? (day.visit.chairName ?? 'no chair') : day.visit.sessionDescription;

  const view: VisitDayView = {
    visitId: day.visit.id,
    trialId: day.trial.id,
    armId: day.participant.arm?.id ?? null,
    blinding: { isBlinded: day.allocation.isBlinded, preparation: day.allocation.preparation },
    version: day.visit.version,
    status: day.visit.status,
    timeZone: settings.timeZone,
    sessionNumber: day.visit.sessionNumber,
    sessionCount: day.sessionCount,
    scheduledAt: day.visit.scheduledAt,
    chairName: day.visit.chairName,
    participantName: name,
    candidateId: day.participant.candidateId,
    trialLabel: day.trial.nctId ? `${day.trial.nctId} · ${day.trial.label}` : day.trial.label,
    isPregnancyTestRequired: day.checklist.isPregnancyTestRequired,
    needsHeight: day.steps.needsHeight,
    doseSummary: day.protocol ? describeSessionDose(day.protocol) : day.protocolProblem,
    thresholds: { sbp: day.hold.holdSbpAbove, dbp: day.hold.holdDbpAbove },
    timepoints: day.steps.vitalsTimepoints,
    checkIn: day.visit.checkedInAt
      ? {
          by: day.checkedInBy ?? 'Unknown',
          at: day.visit.checkedInAt,
          isDriverConfirmed: day.checklist.isDriverConfirmed === true,
          pregnancyTest: day.checklist.pregnancyTest,
          hasNoNewExclusion: day.checklist.hasNoNewExclusion === true,
        }
      : null,
    vitals: day.vitals.map((row) => ({
      id: row.id,
      timepoint: row.timepoint,
      sbp: row.sbp,
      dbp: row.dbp,
      heartRate: row.heartRate,
      spo2: row.spo2,
      recordedAt: row.recordedAt,
      recordedBy: row.recordedBy,
    })),
    holdReasons: day.hold.isHeld && day.hold.reason ? [day.hold.reason] : [],
    holdOverride:
      day.hold.isOverridden && day.hold.overrideReason
        ? {
            by: day.hold.overriddenBy ?? 'Unknown',
            at: stepTimes.holdOverride ?? day.visit.checkedInAt ?? day.visit.scheduledAt,
            reason: day.hold.overrideReason,
          }
        : null,
    verification: day.verification
      ? {
          by: day.verification.signerName,
          at: day.verification.signedAt,
          doseMg: day.verification.doseMg,
          isCapped: day.verification.isCapped,
          volumeMl: day.verification.volumeMl,
          rateMlPerH: day.verification.rateMlPerH,
          weightKg: day.verification.weightKg,
          heightCm: day.verification.heightCm,
          steps: day.verification.steps,
        }
      : null,
    administration: day.administration
      ? {
          by: day.administration.recordedBy || 'Unknown',
          at: stepTimes.administration ?? day.administration.startedAt,
          administeredDoseMg: day.administration.administeredDoseMg,
          percentGiven: day.administration.percentGiven,
          lotNumber: day.administration.lotNumber,
          startedAt: day.administration.startedAt,
          stoppedAt: day.administration.stoppedAt,
        }
      : null,
    adverseEvents: day.adverseEvents.map((row) => ({
      id: row.id,
      term: row.term,
      grade: row.grade,
      isSerious: row.isSerious,
      relatedness: row.relatedness,
      actionTaken: row.actionTaken,
      outcome: row.outcome,
      onsetAt: row.onsetAt,
      by: row.reportedBy,
      at: stepTimes.adverseEvents[row.id] ?? row.onsetAt,
    })),
    discharge: day.visit.dischargedAt
      ? {
          by: day.dischargedBy ?? 'Unknown',
          at: day.visit.dischargedAt,
          isDriverPresent: day.isDriverPresentAtDischarge === true,
          overrideReason: day.dischargeOverrideReason,
        }
      : null,
    dischargeReadiness: day.dischargeReadiness,
    drug: day.drug,
    drugLots:
      !day.allocation.isBlinded && hasPermission(user.role, 'dose.verify') && !day.verification
        ? (await listLots({ include: 'usable' })).map((lot) => ({
            id: lot.id,
            label: `${lot.drug} · lot ${lot.lotNumber} · ${lot.onHandMg} mg on hand · expires ${lot.expiresOn}`,
          }))
        : [],
  };

  return (
    <>
      <PageHeader
        title={`Infusion day: ${name}`}
        description={`${formatDayLabel(day.visit.localDate)} ${day.visit.localTime} ${zone} · ${place} · ${sessionLabel(day.visit.sessionNumber, day.sessionCount)} · ${view.trialLabel} · MRN ${day.participant.mrn}`}
        eyebrow={
          <span className="no-print flex flex-wrap gap-3">
            <Link href={`/schedule?day=${day.visit.localDate}`} className="underline-offset-2 hover:underline">
              <span aria-hidden="true">←</span> Day list
            </Link>
            <Link
              href={`/enrollments/${day.visit.enrollmentId}/schedule`}
              className="underline-offset-2 hover:underline"
            >
              Participant&apos;s schedule
            </Link>
          </span>
        }
        actions={
          <>
            <Badge tone={VISIT_STATUS_TONES[day.visit.status]}>{VISIT_STATUS_LABELS[day.visit.status]}</Badge>
            <PrintButton />
          </>
        }
      />
      <VisitStepper
        visit={view}
        permissions={{
          canRecord: hasPermission(user.role, 'infusion.record'),
          canVerify: hasPermission(user.role, 'dose.verify'),
          canCalculate: hasPermission(user.role, 'dose.calculate'),
        }}
      />
    </>
  );
}
