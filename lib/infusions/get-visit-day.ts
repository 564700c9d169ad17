import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { AppError } from '@/lib/errors/app-error';
import { prisma } from '@/lib/db';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { blindedPreparation, type BlindedPreparation } from '@/lib/blinding/blinded-preparation';
import { isMaskedTrial } from '@/lib/blinding/policy';
import { dosingProtocolSchema, type DosingProtocol } from '@/lib/validations/dosing';
import { toVisitDto } from '@/lib/visits/to-visit-dto';
import type { VisitDto } from '@/lib/visits/types';
import { openedVialRemainderUg, ugToMg, vialContentUg } from '@/lib/drug-inventory/policy';
import { loadDischargeState } from './discharge';
import { getArmProtocol } from './get-arm-protocol';
import type { HoldState } from './get-hold-state';
import { loadInfusionVisit } from './load-infusion-visit';
import { requiresPregnancyTest } from './requires-pregnancy-test';
import { trialHasPlaceboArm } from './trial-has-placebo-arm';
import type { AdministrationDto } from './record-administration';
import type { AdverseEventDto } from './record-adverse-event';
import type { VitalDto } from './record-vitals';
import { isHeightNeeded, vitalsTimepoints } from './visit-steps';

/**
 * When the infusion-day steps were recorded (ISO instants), for the page's "by … at …" lines: the
 * record rows' creation times, and for the hold override its audit event (the visit stores who
 * overrode, not when). Kept apart from VisitDay, which the API answers with.
 */
export type StepTimes = {
  administration: string | null;
  adverseEvents: Record<string, string>;
  holdOverride: string | null;
};

export type VisitDay = {
  visit: VisitDto & { checkedInAt: string | null; completedAt: string | null; dischargedAt: string | null };
  participant: {
    candidateId: string;
    firstName: string;
    lastName: string;
    mrn: string;
    sex: string;
    dateOfBirth: string;
    /** Only for a viewer who may see this participant's allocation (lib/blinding/policy.ts). */
    arm: { id: string; label: string } | null;
  };
  trial: { id: string; nctId: string | null; label: string; isMasked: boolean };
  /**
   * The blind on this visit: `isBlinded` when the trial is masked and the viewer may not see
   * the allocation; they then get the blinded preparation (the same for every arm) instead of
   * the protocol, the mg or the calculation steps, and cannot verify the dose.
   */
  allocation: { isBlinded: boolean; canVerify: boolean; preparation: BlindedPreparation | null };
  /**
   * The arm's confirmed protocol (current version). Withheld (null) in a masked trial: a
   * placebo or fixed-dose protocol would reveal the arm. `protocolProblem` says why when absent otherwise.
   */
  protocol: DosingProtocol | null;
  protocolVersionNumber: number | null;
  protocolProblem: string | null;
  sessionCount: number | null;
  latestWeight: { kg: number; measuredOn: string } | null;
  latestHeight: { cm: number; measuredOn: string } | null;
  checklist: {
    isDriverConfirmed: boolean | null;
    pregnancyTest: 'NOT_REQUIRED' | 'NEGATIVE' | 'POSITIVE' | null;
    isPregnancyTestRequired: boolean;
    hasNoNewExclusion: boolean | null;
  };
  /** What the steps ask for: the vitals timepoints after the start, and whether the dose needs a height. */
  steps: { vitalsTimepoints: string[]; needsHeight: boolean };
  vitals: Array<VitalDto & { recordedBy: string }>;
  hold: HoldState & { holdSbpAbove: number; holdDbpAbove: number; overriddenBy: string | null };
  /** For a blinded viewer: who signed and when, the weight, and the blinded preparation; no mg, steps or hash. */
  verification: {
    id: string;
    weightKg: number;
    weightMeasuredOn: string;
    heightCm: number | null;
    doseMg: number | null;
    isCapped: boolean | null;
    volumeMl: number | null;
    rateMlPerH: number | null;
    steps: string[];
    signerName: string;
    meaning: string;
    signedAt: string;
    contentHash: string | null;
  } | null;
  administration: (AdministrationDto & { recordedBy: string }) | null;
  /**
   * The controlled-drug side, for viewers who may see the dose: the lot named at verification and,
   * once given, what the opened vial left (single-dose vials: to be wasted, witnessed). `hasPlaceboArm`:
   * whether any arm of the trial is a placebo arm, so the lot choice offers "no lot" only where a placebo
   * preparation exists. It is the same for every participant of the trial (registry data, never this
   * participant's arm), yet it stays with the drug side, which blinded viewers do not get at all.
   */
  drug: {
    lot: { id: string; lotNumber: string; drug: string; isMultiDoseVial: boolean } | null;
    remainder: { mg: number; mustWaste: boolean; isWasted: boolean } | null;
    hasPlaceboArm: boolean;
  } | null;
  /** `reportedBy`: who recorded the event. */
  adverseEvents: Array<AdverseEventDto & { reportedBy: string }>;
  isDriverPresentAtDischarge: boolean | null;
  /** Who checked in and discharged (stored on the visit). */
  checkedInBy: string | null;
  dischargedBy: string | null;
  dischargeOverrideReason: string | null;
  /** What the discharge policy still waits for (lib/infusions/discharge-policy.ts); null before check-in or after discharge. */
  dischargeReadiness: {
    blockers: Array<{ code: string; message: string }>;
    monitoringEndsAt: string | null;
    minutesRemaining: number;
  } | null;
};

/** The lot of this visit's dose and what its opened vial left, from the drug record. */
async function loadLotSide(
  visitId: string,
  lotId: string | null,
): Promise<Omit<NonNullable<VisitDay['drug']>, 'hasPlaceboArm'>> {
  if (!lotId) return { lot: null, remainder: null };
  const lot = await prisma.drugLot.findUnique({
    where: { id: lotId },
    select: {
      id: true,
      lotNumber: true,
      drug: true,
      isMultiDoseVial: true,
      concentrationMgPerMl: true,
      vialVolumeMl: true,
    },
  });
  if (!lot) return { lot: null, remainder: null };
  const movements = await prisma.drugMovement.findMany({
    where: { visitId, lotId },
    select: { kind: true, changeUg: true, reversedBy: { select: { id: true } } },
  });
  const dispensed = movements.find((movement) => movement.kind === 'DISPENSE' && !movement.reversedBy);
  const lotRef = { id: lot.id, lotNumber: lot.lotNumber, drug: lot.drug, isMultiDoseVial: lot.isMultiDoseVial };
  if (!dispensed) return { lot: lotRef, remainder: null };
  const vialUg = vialContentUg({
    concentrationMgPerMl: Number(lot.concentrationMgPerMl),
    vialVolumeMl: Number(lot.vialVolumeMl),
  });
  const remainderUg = openedVialRemainderUg({ doseUg: -dispensed.changeUg, vialUg });
  const isWasted = movements.some((movement) => movement.kind === 'WASTE' && !movement.reversedBy);
  return {
    lot: lotRef,
    remainder: { mg: ugToMg(remainderUg), mustWaste: !lot.isMultiDoseVial && remainderUg > BigInt(0), isWasted },
  };
}

/** The same-for-every-arm preparation of a masked trial, from every arm's confirmed protocol. */
async function loadBlindedPreparation(trialId: string): Promise<BlindedPreparation> {
  const version = await prisma.protocolVersion.findFirst({
    where: { trialId },
    orderBy: { number: 'desc' },
    select: { dosing: { select: { protocol: true } } },
  });
  const protocols = (version?.dosing ?? []).flatMap((row) => {
    const parsed = dosingProtocolSchema.safeParse(row.protocol);
    return parsed.success ? [parsed.data] : [];
  });
  return blindedPreparation(protocols);
}

async function latestMeasurement(candidateId: string, code: string) {
  return prisma.measurement.findFirst({
    where: { candidateId, code, voidedAt: null, valueNum: { not: null } },
    orderBy: [{ measuredOn: 'desc' }, { createdAt: 'desc' }],
  });
}

/**
 * Everything the infusion-day page shows for one visit. Reading it shows the participant's
 * name and MRN, so every read is logged (`visit.view`) like a candidate view.
 */
export async function getVisitDay(options: { visitId: string; ctx: ActorContext }): Promise<VisitDay> {
  return (await getVisitDayRecord(options)).day;
}

/** The infusion day and when each step was recorded: what the infusion-day page renders. */
export async function getVisitDayRecord({
  visitId,
  ctx,
}: {
  visitId: string;
  ctx: ActorContext;
}): Promise<{ day: VisitDay; stepTimes: StepTimes }> {
  const loaded = await loadInfusionVisit({ db: prisma, visitId });
  const { visit } = loaded;
  const [enrollment, vitals, adverseEvents, overriddenBy, recordedBy, chair] = await Promise.all([
    prisma.enrollment.findUnique({
      where: { id: visit.enrollmentId },
      include: {
        candidate: { select: { id: true, firstName: true, lastName: true, mrn: true, sex: true, dateOfBirth: true } },
        arm: { select: { id: true, label: true } },
        trial: { select: { id: true, nctId: true, acronym: true, shortTitle: true, title: true, masking: true } },
      },
    }),
    prisma.vitalSign.findMany({
      where: { visitId, voidedAt: null },
      orderBy: [{ recordedAt: 'asc' }, { createdAt: 'asc' }],
      include: { recordedBy: { select: { name: true } } },
    }),
    prisma.adverseEvent.findMany({
      where: { visitId, voidedAt: null },
      orderBy: { onsetAt: 'asc' },
      include: { reportedBy: { select: { name: true } } },
    }),
    visit.holdOverriddenById
      ? prisma.user.findUnique({ where: { id: visit.holdOverriddenById }, select: { name: true } })
      : null,
    loaded.administration
      ? prisma.user.findUnique({ where: { id: loaded.administration.recordedById }, select: { name: true } })
      : null,
    visit.chairId ? prisma.chair.findUnique({ where: { id: visit.chairId }, select: { name: true } }) : null,
  ]);
  if (!enrollment) throw new AppError('NOT_FOUND', 'This visit does not exist.');
  const isMasked = isMaskedTrial(enrollment.trial.masking);
  const gate = await loadAllocationGate({ userId: ctx.user.id });
  const isBlinded = !gate.canSee(enrollment.trial, enrollment.id);
  const preparation = isMasked ? await loadBlindedPreparation(enrollment.trialId) : null;

  let protocol: DosingProtocol | null = null;
  let protocolVersionNumber: number | null = null;
  let protocolProblem: string | null = null;
  let sessionCount: number | null = null;
  try {
    const arm = await getArmProtocol({ trialId: enrollment.trialId, armId: enrollment.armId });
    protocolVersionNumber = arm.protocolVersionNumber;
    sessionCount = arm.protocol.sessionCount;
    if (isBlinded)
      protocolProblem = 'The trial is masked: only its unblinded staff see the dosing protocol and prepare the dose.';
    else protocol = arm.protocol;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    protocolProblem = error.message;
  }
  const [weight, height, isPregnancyTestRequired] = await Promise.all([
    latestMeasurement(enrollment.candidateId, 'weight_kg'),
    latestMeasurement(enrollment.candidateId, 'height_cm'),
    requiresPregnancyTest({ db: prisma, trialId: enrollment.trialId, sex: enrollment.candidate.sex }),
  ]);

  const [checkedInBy, dischargedBy] = await Promise.all([
    visit.checkedInById ? prisma.user.findUnique({ where: { id: visit.checkedInById }, select: { name: true } }) : null,
    visit.dischargedById
      ? prisma.user.findUnique({ where: { id: visit.dischargedById }, select: { name: true } })
      : null,
  ]);
  const overrideEvent = loaded.hold.isOverridden
    ? await prisma.auditEvent.findFirst({
        where: { action: 'visit.hold_override', entityId: visitId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { createdAt: true },
      })
    : null;
  const drug = isBlinded
    ? null
    : {
        ...(await loadLotSide(visitId, visit.doseVerification?.drugLotId ?? null)),
        hasPlaceboArm: await trialHasPlaceboArm({ trialId: enrollment.trialId }),
      };
  const readiness =
    visit.status === 'CHECKED_IN' ? await loadDischargeState({ tx: prisma, visitId, now: new Date() }) : null;

  await prisma.$transaction(async (tx) => {
    await ctx.audit(tx, {
      action: 'visit.view',
      entityType: 'Visit',
      entityId: visitId,
      after: { candidateId: enrollment.candidateId },
    });
  });

  const verification = visit.doseVerification;
  const administration = loaded.administration;
  const stepTimes: StepTimes = {
    administration: administration?.createdAt.toISOString() ?? null,
    adverseEvents: Object.fromEntries(adverseEvents.map((row) => [row.id, row.createdAt.toISOString()])),
    holdOverride: overrideEvent?.createdAt.toISOString() ?? null,
  };
  const day: VisitDay = {
    visit: {
      ...toVisitDto({ ...visit, chair }, loaded.timeZone),
      checkedInAt: visit.checkedInAt?.toISOString() ?? null,
      completedAt: visit.completedAt?.toISOString() ?? null,
      dischargedAt: visit.dischargedAt?.toISOString() ?? null,
    },
    participant: {
      candidateId: enrollment.candidate.id,
      firstName: enrollment.candidate.firstName,
      lastName: enrollment.candidate.lastName,
      mrn: enrollment.candidate.mrn,
      sex: enrollment.candidate.sex,
      dateOfBirth: enrollment.candidate.dateOfBirth.toISOString().slice(0, 10),
      arm: isBlinded ? null : enrollment.arm,
    },
    trial: {
      id: enrollment.trial.id,
      nctId: enrollment.trial.nctId,
      label: enrollment.trial.acronym ?? enrollment.trial.shortTitle ?? enrollment.trial.title,
      isMasked,
    },
    allocation: { isBlinded, canVerify: !isBlinded, preparation },
    protocol,
    protocolVersionNumber,
    protocolProblem,
    sessionCount,
    latestWeight:
      weight?.valueNum != null
        ? { kg: weight.valueNum, measuredOn: weight.measuredOn.toISOString().slice(0, 10) }
        : null,
    latestHeight:
      height?.valueNum != null
        ? { cm: height.valueNum, measuredOn: height.measuredOn.toISOString().slice(0, 10) }
        : null,
    checklist: {
      isDriverConfirmed: visit.isDriverConfirmed,
      pregnancyTest: visit.pregnancyTest,
      isPregnancyTestRequired,
      hasNoNewExclusion: visit.hasNoNewExclusion,
    },
    steps: { vitalsTimepoints: vitalsTimepoints(protocol?.infusionMinutes), needsHeight: isHeightNeeded(protocol) },
    vitals: vitals.map((vital) => ({
      recordedBy: vital.recordedBy.name,
      id: vital.id,
      timepoint: vital.timepoint,
      sbp: vital.sbp,
      dbp: vital.dbp,
      heartRate: vital.heartRate,
      spo2: vital.spo2,
      respiratoryRate: vital.respiratoryRate,
      recordedAt: vital.recordedAt.toISOString(),
    })),
    hold: {
      ...loaded.hold,
      ...loaded.rule,
      overriddenBy: overriddenBy?.name ?? null,
    },
    verification: verification
      ? {
          id: verification.id,
          weightKg: verification.weightKg,
          weightMeasuredOn: verification.weightMeasuredOn.toISOString().slice(0, 10),
          heightCm: verification.heightCm,
          doseMg: isBlinded ? null : verification.doseMg,
          isCapped: isBlinded ? null : verification.isCapped,
          volumeMl: isBlinded ? (preparation?.volumeMl ?? null) : verification.volumeMl,
          rateMlPerH: isBlinded ? (preparation?.rateMlPerH ?? null) : verification.rateMlPerH,
          steps: isBlinded ? [] : Array.isArray(verification.steps) ? (verification.steps as string[]) : [],
          signerName: verification.signerName,
          meaning: verification.meaning,
          signedAt: verification.signedAt.toISOString(),
          // A hash over a small set of possible doses could be brute-forced back to the mg.
          contentHash: isBlinded ? null : verification.contentHash,
        }
      : null,
    administration: administration
      ? {
          id: administration.id,
          visitId,
          administeredDoseMg: isBlinded ? null : administration.administeredDoseMg,
          verifiedDoseMg: isBlinded ? null : (verification?.doseMg ?? administration.administeredDoseMg),
          percentGiven: administration.percentGiven,
          lotNumber: administration.lotNumber,
          startedAt: administration.startedAt.toISOString(),
          stoppedAt: administration.stoppedAt?.toISOString() ?? null,
          recordedBy: recordedBy?.name ?? '',
        }
      : null,
    adverseEvents: adverseEvents.map((row) => ({
      id: row.id,
      enrollmentId: row.enrollmentId,
      visitId: row.visitId,
      term: row.term,
      grade: row.grade,
      isSerious: row.isSerious,
      relatedness: row.relatedness,
      actionTaken: row.actionTaken,
      outcome: row.outcome,
      onsetAt: row.onsetAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      notes: row.notes,
      reportedBy: row.reportedBy.name,
    })),
    isDriverPresentAtDischarge: visit.isDriverPresentAtDischarge,
    drug,
    checkedInBy: checkedInBy?.name ?? null,
    dischargedBy: dischargedBy?.name ?? null,
    dischargeOverrideReason: visit.dischargeOverrideReason,
    dischargeReadiness: readiness
      ? {
          blockers: readiness.blockers,
          monitoringEndsAt: readiness.monitoringEndsAt?.toISOString() ?? null,
          minutesRemaining: readiness.minutesRemaining,
        }
      : null,
  };
  return { day, stepTimes };
}
