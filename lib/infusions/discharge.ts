import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { DischargeInput } from '@/lib/validations/infusions';
import {
  checkDischarge,
  EARLY_DISCHARGE_DEVIATION,
  POST_INFUSION_SCALE,
  POST_INFUSION_TIMEPOINT,
  type DischargeState,
} from './discharge-policy';
import { getArmProtocol } from './get-arm-protocol';
import { assertCheckedIn, loadInfusionVisit } from './load-infusion-visit';

export type DischargeResult = {
  visitId: string;
  status: 'COMPLETED';
  completedAt: string;
  dischargedAt: string;
  wasAdministered: boolean;
  version: number;
  /** Set when a clinician discharged before the policy allowed: the deviation recorded for it. */
  earlyDischargeDeviationId: string | null;
};

/** Everything the discharge policy reads for a visit, inside the caller's transaction. */
export async function loadDischargeState(options: {
  tx: Tx;
  visitId: string;
  now: Date;
  stoppedAtOverride?: Date | null;
}): Promise<DischargeState & { timeZone: string }> {
  const { tx } = options;
  const { visit, administration, timeZone } = await loadInfusionVisit({ db: tx, visitId: options.visitId });
  const settings = await tx.clinicSettings.findUnique({ where: { id: 'clinic' }, select: { monitoringMinutes: true } });
  let infusionMinutes: number | null = null;
  let monitoringMinutes = settings?.monitoringMinutes ?? 60;
  try {
    const arm = await getArmProtocol({ trialId: visit.enrollment.trialId, armId: visit.enrollment.armId, db: tx });
    infusionMinutes = arm.protocol.infusionMinutes;
    monitoringMinutes = arm.protocol.postInfusionMonitoringMinutes ?? monitoringMinutes;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  const postVitals = await tx.vitalSign.count({
    where: { visitId: options.visitId, timepoint: POST_INFUSION_TIMEPOINT, voidedAt: null },
  });
  const timepoint = `AFTER_SESSION_${visit.sessionNumber}`;
  const plan = await tx.protocolVersion.findFirst({
    where: { trialId: visit.enrollment.trialId },
    orderBy: { number: 'desc' },
    select: { assessmentPlan: { where: { instrument: POST_INFUSION_SCALE, timepoint }, select: { id: true } } },
  });
  const isCadssPlanned = (plan?.assessmentPlan.length ?? 0) > 0;
  const hasCadss =
    isCadssPlanned &&
    (await tx.assessment.count({
      where: { enrollmentId: visit.enrollmentId, instrument: POST_INFUSION_SCALE, timepoint, supersededAt: null },
    })) > 0;
  const state = checkDischarge(
    {
      now: options.now,
      administration: administration
        ? { startedAt: administration.startedAt, stoppedAt: options.stoppedAtOverride ?? administration.stoppedAt }
        : null,
      infusionMinutes,
      monitoringMinutes,
      hasPostVitals: postVitals > 0,
      isCadssPlanned,
      hasCadss,
      session: { kind: visit.sessionKind, checkedInAt: visit.checkedInAt, minutes: visit.durationMin },
    },
    timeZone,
  );
  return { ...state, timeZone };
}

/**
 * Discharge: the adult driver must be present (400), and either the infusion is recorded
 * (with its stop time, which may be sent here) or a reason says why none was given. Then the
 * discharge policy (lib/infusions/discharge-policy.ts): until the infusion has ended, the
 * monitoring time has passed, post-infusion vitals and any planned CADSS are recorded, the
 * answer is 409 with what is missing and the minutes remaining, unless a clinician overrides
 * with a reason, which is stored and becomes an EARLY_DISCHARGE protocol deviation. The visit
 * becomes COMPLETED with who discharged it. Audited `visit.discharge`.
 */
export async function discharge({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: DischargeInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<DischargeResult> {
  return prisma.$transaction(async (tx) => {
    const { visit, administration } = await loadInfusionVisit({ db: tx, visitId });
    assertCheckedIn(visit, 'discharge');
    if (!input.isDriverPresentAtDischarge) {
      throw new AppError('VALIDATION_FAILED', 'The participant can only be discharged to an adult driver.', {
        fields: { isDriverPresentAtDischarge: ['The participant can only be discharged to an adult driver.'] },
      });
    }
    if (!administration && !input.notAdministeredReason) {
      throw new AppError(
        'VALIDATION_FAILED',
        'No infusion is recorded for this visit; record it, or say why none was given.',
        {
          fields: {
            notAdministeredReason: ['No infusion is recorded for this visit; record it, or say why none was given.'],
          },
        },
      );
    }
    let stoppedAt: Date | null = administration?.stoppedAt ?? null;
    if (administration && administration.stoppedAt === null) {
      if (!input.infusionStoppedAt) {
        throw new AppError('VALIDATION_FAILED', 'Record when the infusion stopped before discharge.', {
          fields: { infusionStoppedAt: ['Record when the infusion stopped before discharge.'] },
        });
      }
      stoppedAt = new Date(input.infusionStoppedAt);
      if (stoppedAt <= administration.startedAt || stoppedAt.getTime() > now.getTime() + 5 * 60_000) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: { infusionStoppedAt: ['The stop time must be after the start and not in the future'] },
        });
      }
    }
    const state = await loadDischargeState({ tx, visitId, now, stoppedAtOverride: stoppedAt });
    const overrideReason = input.overrideReason ?? null;
    if (state.blockers.length > 0 && !overrideReason) {
      const first = state.blockers[0];
      throw new AppError('CONFLICT', `Not yet: ${state.blockers.map((blocker) => blocker.message).join(' ')}`, {
        details: {
          blockers: state.blockers,
          minutesRemaining: state.minutesRemaining,
          monitoringEndsAt: state.monitoringEndsAt?.toISOString() ?? null,
          firstBlocker: first.code,
        },
      });
    }
    if (administration && administration.stoppedAt === null && stoppedAt) {
      await tx.infusionAdministration.update({ where: { id: administration.id }, data: { stoppedAt } });
      await ctx.audit(tx, {
        action: 'infusion.stop',
        entityType: 'InfusionAdministration',
        entityId: administration.id,
        before: { stoppedAt: null },
        after: { stoppedAt: stoppedAt.toISOString() },
      });
    }
    const isEarly = state.blockers.length > 0;
    const deviation = isEarly
      ? await tx.protocolDeviation.create({
          data: {
            enrollmentId: visit.enrollmentId,
            visitId,
            kind: EARLY_DISCHARGE_DEVIATION,
            description: `Discharged before: ${state.blockers.map((blocker) => blocker.message).join(' ')} Reason: ${overrideReason}`,
            recordedById: ctx.user.id,
          },
        })
      : null;
    const reason = administration ? null : input.notAdministeredReason!;
    const updated = await tx.visit.update({
      where: { id: visitId },
      data: {
        status: 'COMPLETED',
        completedAt: now,
        dischargedAt: now,
        dischargedById: ctx.user.id,
        isDriverPresentAtDischarge: true,
        ...(isEarly ? { dischargeOverrideReason: overrideReason } : {}),
        ...(reason ? { statusReason: reason } : {}),
        version: { increment: 1 },
      },
    });
    await ctx.audit(tx, {
      action: 'visit.discharge',
      entityType: 'Visit',
      entityId: visitId,
      before: { status: visit.status },
      after: {
        status: 'COMPLETED',
        isDriverPresentAtDischarge: true,
        wasAdministered: administration !== null,
        completedAt: now.toISOString(),
        ...(isEarly
          ? { earlyDischarge: { blockers: state.blockers.map((blocker) => blocker.code), deviationId: deviation?.id } }
          : {}),
      },
      reason: overrideReason ?? reason,
    });
    return {
      visitId,
      status: 'COMPLETED',
      completedAt: now.toISOString(),
      dischargedAt: now.toISOString(),
      wasAdministered: administration !== null,
      version: updated.version,
      earlyDischargeDeviationId: deviation?.id ?? null,
    };
  });
}
