import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { EnrollmentStatus, PipelineStage } from '@/lib/generated/prisma/client';
import { INSTRUMENT_CODES, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { computeAdherence, type ParticipantAdherence, type TrialAdherence } from '@/lib/scheduling/compute-adherence';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { isMaskedTrial, POOLED_ARM_LABEL } from './masking';
import type { OutcomeRangeQuery } from '@/lib/validations/results';
import { buildInstrumentResults, type InstrumentResults } from './instrument-results';
import { plannedSessionsByArm } from './planned-sessions';
import { resolveTimepointRange, type TimepointRange } from './timepoint-range';
import { timepointOrder } from './timepoint-order';

/** A completed session more than this long after its first booking counts as late. */
export const LATE_AFTER_HOURS = 24;

export type { InstrumentResults } from './instrument-results';

export type AdverseEventRow = {
  term: string;
  grade: number;
  group: string;
  events: number;
  participants: number;
  serious: number;
};

export type TrialOutcomes = {
  trial: {
    id: string;
    label: string;
    title: string;
    nctId: string | null;
    masking: string | null;
    targetEnrollment: number | null;
  };
  isMasked: boolean;
  /** True when arms are pooled into one group because the trial is masked and the viewer is not an admin. */
  pooled: boolean;
  groups: string[];
  /** The planned timepoints in time order, and the two compared in each instrument's `change` (null when fewer than two are planned). */
  timepoints: string[];
  range: TimepointRange | null;
  instruments: InstrumentResults[];
  adverseEvents: AdverseEventRow[];
  funnel: {
    stages: Array<{ stage: PipelineStage; count: number }>;
    everConsented: number;
    enrolled: number;
    target: number | null;
    enrolledByGroup: Array<{ group: string; count: number }>;
  };
  adherence: {
    lateAfterHours: number;
    overall: TrialAdherence;
    byGroup: Array<{ group: string } & TrialAdherence>;
    participants: Array<ParticipantAdherence & { mrn: string; group: string; enrollmentId: string }>;
  };
  completion: {
    counts: Array<{ status: EnrollmentStatus; count: number }>;
    participants: Array<{
      enrollmentId: string;
      candidateId: string;
      mrn: string;
      group: string;
      enrolledAt: string;
      status: EnrollmentStatus;
      endedAt: string | null;
      endReason: string | null;
    }>;
  };
};

const STAGE_ORDER: PipelineStage[] = [
  'REFERRED',
  'CONTACTED',
  'PRESCREENING',
  'AWAITING_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'CONSENTED',
  'ENROLLED',
  'IN_TREATMENT',
  'COMPLETED',
  'WITHDRAWN',
  'SCREEN_FAILED',
  'LOST_TO_FOLLOW_UP',
];
const STATUS_ORDER: EnrollmentStatus[] = ['ACTIVE', 'COMPLETED', 'WITHDRAWN', 'LOST_TO_FOLLOW_UP'];

/**
 * A trial's results report: for each instrument, n, mean, SD and mean % change from baseline per
 * arm × timepoint with responder and remitter counts (from each participant's current, corrected
 * scores; none at baseline, no % change on a T-score scale), the change between two planned timepoints
 * (`range`, default baseline → latest; see compareTimepoints); adverse events (not voided) by term × grade × arm; the enrollment funnel against the
 * target; infusion adherence; and each participant's final status. In a masked trial only admins get
 * results by arm: for everyone else every arm is pooled into one "All participants" group here, on
 * the server, so per-arm numbers never leave it.
 */
export async function getTrialOutcomes(options: {
  trialId: string;
  ctx: ActorContext;
  range?: OutcomeRangeQuery;
}): Promise<TrialOutcomes> {
  const { trialId, ctx } = options;
  const trial = await prisma.trial.findUnique({
    where: { id: trialId },
    select: {
      id: true,
      nctId: true,
      title: true,
      acronym: true,
      shortTitle: true,
      masking: true,
      targetEnrollment: true,
      arms: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, label: true } },
      protocolVersions: {
        orderBy: { number: 'desc' },
        select: {
          number: true,
          assessmentPlan: { select: { instrument: true, timepoint: true } },
          dosing: { select: { armId: true, protocol: true } },
        },
      },
    },
  });
  if (!trial) throw new AppError('NOT_FOUND', 'No such trial.');
  // A timepoint outside the plan is a 400 before anything else is read.
  const planned = trial.protocolVersions[0]?.assessmentPlan ?? [];
  const planTimepoints = planned.map((item) => item.timepoint);
  const range = resolveTimepointRange({ planned: planTimepoints, from: options.range?.from, to: options.range?.to });

  const pooled = !(await loadAllocationGate({ userId: ctx.user.id })).canSee(trial);
  const groupOfArm = (armId: string) =>
    pooled ? POOLED_ARM_LABEL : (trial.arms.find((arm) => arm.id === armId)?.label ?? armId);
  const groups = pooled ? [POOLED_ARM_LABEL] : trial.arms.map((arm) => arm.label);
  const groupIndex = (group: string) => groups.indexOf(group);

  const [enrollments, adverseEvents, stageCounts, everConsented] = await Promise.all([
    prisma.enrollment.findMany({
      where: { trialId },
      orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        armId: true,
        status: true,
        enrolledAt: true,
        endedAt: true,
        endReason: true,
        candidate: { select: { id: true, mrn: true } },
        visits: {
          select: {
            sessionNumber: true,
            status: true,
            scheduledAt: true,
            originalScheduledAt: true,
            completedAt: true,
            _count: { select: { deviations: true } },
          },
        },
        deviations: { where: { visitId: null }, select: { id: true } },
        assessments: {
          where: { supersededAt: null },
          select: { instrument: true, timepoint: true, total: true, subscores: true, administeredAt: true },
        },
      },
    }),
    prisma.adverseEvent.findMany({
      where: { voidedAt: null, enrollment: { trialId } },
      select: { term: true, grade: true, isSerious: true, enrollmentId: true, enrollment: { select: { armId: true } } },
    }),
    prisma.pipelineEntry.groupBy({ by: ['stage'], where: { trialId }, _count: { _all: true } }),
    prisma.pipelineEntry.count({
      where: {
        trialId,
        OR: [
          { events: { some: { toStage: 'CONSENTED' } } },
          { consents: { some: { voidedAt: null } } },
          { enrollment: { isNot: null } },
        ],
      },
    }),
  ]);

  // ---- Outcomes per instrument × group × timepoint
  const instrumentCodes = [
    ...new Set([
      ...planned.map((item) => item.instrument),
      ...enrollments.flatMap((e) => e.assessments.map((a) => a.instrument)),
    ]),
  ]
    .filter(isInstrumentCode)
    .sort((a, b) => INSTRUMENT_CODES.indexOf(a) - INSTRUMENT_CODES.indexOf(b));

  const instruments = instrumentCodes.map((instrument) =>
    buildInstrumentResults({ instrument, enrollments, groups, groupOfArm, planned, range }),
  );

  // ---- Adverse events by term × grade × group
  const aeCells = new Map<string, AdverseEventRow & { people: Set<string> }>();
  for (const event of adverseEvents) {
    const term = event.term.trim();
    const group = groupOfArm(event.enrollment.armId);
    const key = JSON.stringify([term.toLowerCase(), event.grade, group]);
    const cell = aeCells.get(key) ?? {
      term,
      grade: event.grade,
      group,
      events: 0,
      participants: 0,
      serious: 0,
      people: new Set<string>(),
    };
    cell.events += 1;
    if (event.isSerious) cell.serious += 1;
    cell.people.add(event.enrollmentId);
    cell.participants = cell.people.size;
    aeCells.set(key, cell);
  }
  const aeRows = [...aeCells.values()]
    .map(({ people: _people, ...row }) => row)
    .sort((a, b) => a.term.localeCompare(b.term) || a.grade - b.grade || groupIndex(a.group) - groupIndex(b.group));

  // ---- Funnel
  const countOf = new Map(stageCounts.map((row) => [row.stage, row._count._all]));
  const enrolledByGroup = groups.map((group) => ({
    group,
    count: enrollments.filter((e) => groupOfArm(e.armId) === group).length,
  }));

  // ---- Adherence
  const dosing = trial.protocolVersions.flatMap((version) =>
    version.dosing.map((row) => ({ ...row, protocolVersion: { number: version.number } })),
  );
  const plannedByArm = plannedSessionsByArm(dosing);
  const adherenceInput = enrollments.map((enrollment) => ({
    participantId: enrollment.id,
    plannedSessions:
      plannedByArm.get(enrollment.armId) ?? Math.max(0, ...enrollment.visits.map((visit) => visit.sessionNumber)),
    visits: enrollment.visits.map((visit) => ({
      sessionNumber: visit.sessionNumber,
      status: visit.status,
      scheduledAt: visit.scheduledAt,
      originalScheduledAt: visit.originalScheduledAt,
      completedAt: visit.completedAt,
      deviations: visit._count.deviations,
    })),
    otherDeviations: enrollment.deviations.length,
  }));
  const overall = computeAdherence({ participants: adherenceInput, lateAfterHours: LATE_AFTER_HOURS });
  const byGroup = groups.map((group) => ({
    group,
    ...computeAdherence({
      participants: adherenceInput.filter((_, index) => groupOfArm(enrollments[index].armId) === group),
      lateAfterHours: LATE_AFTER_HOURS,
    }).trial,
  }));
  const adherenceParticipants = overall.participants.map((row, index) => ({
    ...row,
    enrollmentId: enrollments[index].id,
    mrn: enrollments[index].candidate.mrn,
    group: groupOfArm(enrollments[index].armId),
  }));

  // ---- Study completion
  const completionParticipants = enrollments.map((enrollment) => ({
    enrollmentId: enrollment.id,
    candidateId: enrollment.candidate.id,
    mrn: enrollment.candidate.mrn,
    group: groupOfArm(enrollment.armId),
    enrolledAt: enrollment.enrolledAt.toISOString().slice(0, 10),
    status: enrollment.status,
    endedAt: enrollment.endedAt?.toISOString().slice(0, 10) ?? null,
    endReason: enrollment.endReason,
  }));

  return {
    trial: {
      id: trial.id,
      label: trialLabel(trial),
      title: trial.title,
      nctId: trial.nctId,
      masking: trial.masking,
      targetEnrollment: trial.targetEnrollment,
    },
    isMasked: isMaskedTrial(trial.masking),
    pooled,
    groups,
    timepoints: [...new Set(planTimepoints)].sort((a, b) => timepointOrder(a) - timepointOrder(b)),
    range,
    instruments,
    adverseEvents: aeRows,
    funnel: {
      stages: STAGE_ORDER.map((stage) => ({ stage, count: countOf.get(stage) ?? 0 })),
      everConsented,
      enrolled: enrollments.length,
      target: trial.targetEnrollment,
      enrolledByGroup,
    },
    adherence: {
      lateAfterHours: LATE_AFTER_HOURS,
      overall: overall.trial,
      byGroup,
      participants: adherenceParticipants,
    },
    completion: {
      counts: STATUS_ORDER.map((status) => ({ status, count: enrollments.filter((e) => e.status === status).length })),
      participants: completionParticipants,
    },
  };
}
