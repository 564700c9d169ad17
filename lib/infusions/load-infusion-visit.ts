import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { DEFAULT_HOLD_RULE, getHoldState, type HoldState } from './get-hold-state';

/**
 * A visit with what every infusion-day step checks: the enrollment, the participant's
 * sex, the verification, the administration, the latest PRE vitals and the hold state.
 */
export async function loadInfusionVisit({ db, visitId }: { db: Db | Tx; visitId: string }) {
  const visit = await db.visit.findUnique({
    where: { id: visitId },
    include: {
      enrollment: {
        select: {
          id: true,
          status: true,
          trialId: true,
          armId: true,
          candidateId: true,
          candidate: { select: { sex: true } },
        },
      },
      doseVerification: true,
      administration: true,
    },
  });
  if (!visit) throw new AppError('NOT_FOUND', 'This visit does not exist.');
  // Sequential on purpose: inside a transaction the client runs one query at a time.
  const latestPre = await db.vitalSign.findFirst({
    where: { visitId, timepoint: 'PRE', voidedAt: null },
    orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
  });
  const rule = await db.clinicSettings.findUnique({
    where: { id: 'clinic' },
    select: { holdSbpAbove: true, holdDbpAbove: true, timeZone: true },
  });
  const hold: HoldState = getHoldState({
    latestPre: latestPre ? { sbp: latestPre.sbp, dbp: latestPre.dbp } : null,
    rule: {
      holdSbpAbove: rule?.holdSbpAbove ?? DEFAULT_HOLD_RULE.holdSbpAbove,
      holdDbpAbove: rule?.holdDbpAbove ?? DEFAULT_HOLD_RULE.holdDbpAbove,
    },
    overrideReason: visit.holdOverrideReason,
  });
  const administration = visit.administration && visit.administration.voidedAt === null ? visit.administration : null;
  return {
    visit,
    administration,
    hold,
    timeZone: rule?.timeZone ?? 'UTC',
    rule: {
      holdSbpAbove: rule?.holdSbpAbove ?? DEFAULT_HOLD_RULE.holdSbpAbove,
      holdDbpAbove: rule?.holdDbpAbove ?? DEFAULT_HOLD_RULE.holdDbpAbove,
    },
  };
}

/** The step needs a checked-in visit (not yet discharged). */
export function assertCheckedIn(visit: { status: string }, step: string): void {
  if (visit.status === 'SCHEDULED') throw new AppError('CONFLICT', `Check the participant in before ${step}.`);
  if (visit.status !== 'CHECKED_IN')
    throw new AppError(
      'CONFLICT',
      `This visit is ${visit.status.toLowerCase().replace('_', ' ')}; ${step} is no longer possible.`,
    );
}

/** Dose verification and administration wait for pre-infusion vitals and a cleared or overridden hold. */
export function assertNoHold(hold: HoldState): void {
  if (!hold.hasPreVitals)
    throw new AppError('CONFLICT', 'Record the pre-infusion vitals first: the blood-pressure hold rule needs them.');
  if (hold.blocksInfusion) {
    throw new AppError(
      'CONFLICT',
      `The infusion is on hold (${hold.reason}). A clinician must override the hold with a reason first.`,
      { details: { hold } },
    );
  }
}
