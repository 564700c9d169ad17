import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { computeDueAssessments } from '@/lib/assessments/compute-due';
import { trialLabel } from '@/lib/candidates/mappers';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { computeChange, isRemission, isResponse } from '@/lib/outcomes/compute-change';
import { INSTRUMENT_CODES, INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { PARTICIPANT_LABEL } from '@/lib/self-report/catalog';
import { alertingFlags } from '@/lib/safety/policy';
import { countsResponseAt, hasPercentChange } from './change-policy';
import { timepointOrder } from './timepoint-order';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { isMaskedTrial } from './masking';
import { plannedSessionsByArm } from './planned-sessions';
import { primaryScore, primaryScoreLabel } from './primary-score';
import { scoreScale } from './score-scale';
import type { AssessmentVersion, InstrumentSeries, OutcomePoint, ParticipantOutcomes } from './types';

const toItems = (value: unknown): Array<number | null> =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'number' ? item : null)) : [];

const toSubscores = (value: unknown): Record<string, number | null> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, typeof v === 'number' ? v : null]),
      )
    : {};

/**
 * One participant's (enrollment's) outcomes: per instrument, the current scores over time with the
 * baseline, change and % change from it and response/remission flags; each score's earlier,
 * corrected versions; the infusion sessions for the time axis; the plan with due status; and current
 * PHQ-9 safety flags. The arm is hidden from non-admins in masked trials. The read is audited
 * (`outcome.view`) because it shows a participant's identity and clinical scores.
 */
export async function getParticipantOutcomes({
  enrollmentId,
  ctx,
  now = new Date(),
}: {
  enrollmentId: string;
  ctx: ActorContext;
  now?: Date;
}): Promise<ParticipantOutcomes> {
  const enrollment = await prisma.enrollment.findUnique({
    where: { id: enrollmentId },
    include: {
      candidate: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      trial: {
        select: {
          id: true,
          acronym: true,
          shortTitle: true,
          title: true,
          masking: true,
          protocolVersions: { orderBy: { number: 'desc' }, take: 1, select: { assessmentPlan: true } },
        },
      },
      arm: {
        select: {
          label: true,
          dosing: { select: { armId: true, protocol: true, protocolVersion: { select: { number: true } } } },
        },
      },
      visits: {
        orderBy: [{ sessionNumber: 'asc' }, { scheduledAt: 'asc' }],
        select: { sessionNumber: true, status: true, scheduledAt: true, completedAt: true },
      },
      assessments: {
        orderBy: [{ administeredAt: 'asc' }, { createdAt: 'asc' }],
        include: { recordedBy: { select: { name: true } } },
      },
    },
  });
  if (!enrollment) throw new AppError('NOT_FOUND', 'No such enrollment.');
  await prisma.$transaction((tx) =>
    ctx.audit(tx, { action: 'outcome.view', entityType: 'Enrollment', entityId: enrollment.id }),
  );

  const plan = [...(enrollment.trial.protocolVersions[0]?.assessmentPlan ?? [])]
    .sort(
      (a, b) =>
        INSTRUMENT_CODES.indexOf(a.instrument as never) - INSTRUMENT_CODES.indexOf(b.instrument as never) ||
        timepointOrder(a.timepoint) - timepointOrder(b.timepoint),
    )
    .map(({ instrument, timepoint, windowBeforeDays, windowAfterDays }) => ({
      instrument,
      timepoint,
      windowBeforeDays,
      windowAfterDays,
    }));

  const current = enrollment.assessments.filter((assessment) => assessment.supersededAt === null);
  const byId = new Map(enrollment.assessments.map((assessment) => [assessment.id, assessment]));
  const versionOf = (row: (typeof enrollment.assessments)[number]): AssessmentVersion => ({
    id: row.id,
    administeredAt: row.administeredAt.toISOString(),
    items: toItems(row.items),
    total: row.total,
    severity: row.severity,
    flags: row.flags,
    recordedBy: row.recordedBy?.name ?? PARTICIPANT_LABEL,
    source: row.source,
    recordedAt: row.createdAt.toISOString(),
    correctionReason: row.correctionReason,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  });
  const historyOf = (row: (typeof enrollment.assessments)[number]): AssessmentVersion[] => {
    const history: AssessmentVersion[] = [];
    let previous = row.correctsId ? byId.get(row.correctsId) : undefined;
    while (previous) {
      history.push(versionOf(previous));
      previous = previous.correctsId ? byId.get(previous.correctsId) : undefined;
    }
    return history;
  };

  const instrumentCodes = [
    ...new Set([...plan.map((item) => item.instrument), ...current.map((row) => row.instrument)]),
  ].sort((a, b) => INSTRUMENT_CODES.indexOf(a as never) - INSTRUMENT_CODES.indexOf(b as never));

  const instruments: InstrumentSeries[] = instrumentCodes.flatMap((instrument) => {
    if (!isInstrumentCode(instrument)) return [];
    const scale = scoreScale(instrument);
    const rows = current
      .filter((row) => row.instrument === instrument)
      .sort(
        (a, b) =>
          timepointOrder(a.timepoint) - timepointOrder(b.timepoint) ||
          a.administeredAt.getTime() - b.administeredAt.getTime(),
      );
    const baselineRow = rows.find((row) => row.timepoint === 'BASELINE');
    const baseline = baselineRow ? primaryScore(instrument, baselineRow.total, baselineRow.subscores) : null;
    const points: OutcomePoint[] = rows.map((row) => {
      const value = primaryScore(instrument, row.total, row.subscores);
      const isBaseline = !countsResponseAt(row.timepoint);
      const { change, percentChange } = isBaseline
        ? { change: null, percentChange: null }
        : computeChange({ baseline, current: value });
      return {
        assessmentId: row.id,
        timepoint: row.timepoint,
        administeredAt: row.administeredAt.toISOString(),
        value,
        total: row.total,
        subscores: toSubscores(row.subscores),
        severity: row.severity,
        flags: row.flags,
        items: toItems(row.items),
        isComplete: row.isComplete,
        change,
        percentChange: hasPercentChange(instrument) ? percentChange : null,
        response: isBaseline ? null : isResponse({ instrument, baseline, current: value }),
        remission: isBaseline ? null : isRemission({ instrument, total: row.total }),
        recordedBy: row.recordedBy?.name ?? PARTICIPANT_LABEL,
        source: row.source,
        history: historyOf(row),
        correctionReason: row.correctionReason,
      };
    });
    const latest = points.at(-1);
    return [
      {
        instrument,
        label: INSTRUMENT_LABELS[instrument],
        scoreLabel: primaryScoreLabel(instrument),
        min: scale?.min ?? 0,
        max: scale?.max ?? 0,
        bands: scale?.bands ?? [],
        baseline,
        points,
        latestResponse: latest && latest.timepoint !== 'BASELINE' ? latest.response : null,
        latestRemission: latest && countsResponseAt(latest.timepoint) ? latest.remission : null,
      },
    ];
  });

  // The clinic settings' zone, the one the page shows the times in (decision 0039).
  const clock = await getClinicClock({ now: () => now });
  const due = computeDueAssessments({
    plan,
    enrolledOn: enrollment.enrolledAt.toISOString().slice(0, 10),
    visits: enrollment.visits,
    plannedSessions: plannedSessionsByArm(enrollment.arm.dosing).get(enrollment.armId) ?? null,
    assessments: current,
    today: clock.today(),
    timeZone: clock.timeZone,
  }).map(({ administeredAt: _administeredAt, ...item }) => item);

  const safetyFlags = current
    .filter((row) => alertingFlags(row.flags).length > 0)
    .sort((a, b) => b.administeredAt.getTime() - a.administeredAt.getTime())
    .map((row) => ({
      assessmentId: row.id,
      instrument: row.instrument,
      timepoint: row.timepoint,
      administeredAt: row.administeredAt.toISOString(),
      flags: alertingFlags(row.flags),
    }));

  const sessions = enrollment.visits
    .filter((visit) => visit.status !== 'CANCELLED')
    .map((visit) => ({
      sessionNumber: visit.sessionNumber,
      status: visit.status,
      at: (visit.completedAt ?? visit.scheduledAt).toISOString(),
      isCompleted: visit.status === 'COMPLETED',
    }));

  return {
    enrollment: {
      id: enrollment.id,
      status: enrollment.status,
      enrolledAt: enrollment.enrolledAt.toISOString().slice(0, 10),
      endedAt: enrollment.endedAt?.toISOString().slice(0, 10) ?? null,
      endReason: enrollment.endReason,
      armLabel: (await loadAllocationGate({ userId: ctx.user.id })).canSee(
        { id: enrollment.trialId, masking: enrollment.trial.masking },
        enrollment.id,
      )
        ? enrollment.arm.label
        : null,
      candidateId: enrollment.candidate.id,
      participantName: `${enrollment.candidate.lastName}, ${enrollment.candidate.firstName}`,
      subjectId: enrollment.subjectId,
      mrn: enrollment.candidate.mrn,
      trialId: enrollment.trial.id,
      trialLabel: trialLabel(enrollment.trial),
      isMasked: isMaskedTrial(enrollment.trial.masking),
    },
    sessions,
    plan,
    due,
    instruments,
    safetyFlags,
    timeZone: clock.timeZone,
  };
}
