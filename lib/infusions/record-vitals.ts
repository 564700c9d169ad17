import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { VitalsInput } from '@/lib/validations/infusions';
import { getHoldState, type HoldState } from './get-hold-state';
import { assertCheckedIn, loadInfusionVisit } from './load-infusion-visit';

export type VitalDto = {
  id: string;
  timepoint: string;
  sbp: number | null;
  dbp: number | null;
  heartRate: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  recordedAt: string;
};

/**
 * Vitals at one timepoint of a checked-in visit (PRE, T+n, POST, DISCHARGE; ranges in
 * vitalsSchema). A PRE reading applies the hold rule (SBP > holdSbpAbove or DBP >
 * holdDbpAbove holds the infusion); a new PRE reading that holds clears an earlier
 * override, which was given for a different reading. Audited `vital_sign.record`.
 */
export async function recordVitals({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: VitalsInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<{ vital: VitalDto; hold: HoldState }> {
  return prisma.$transaction(async (tx) => {
    const { visit, hold: before, rule } = await loadInfusionVisit({ db: tx, visitId });
    assertCheckedIn(visit, 'recording vitals');
    const recordedAt = input.recordedAt ? new Date(input.recordedAt) : now;
    if (recordedAt.getTime() > now.getTime() + 5 * 60_000)
      throw new AppError('VALIDATION_FAILED', undefined, {
        fields: { recordedAt: ['Vitals cannot be recorded in the future'] },
      });
    const vital = await tx.vitalSign.create({
      data: {
        visitId,
        timepoint: input.timepoint,
        sbp: input.sbp ?? null,
        dbp: input.dbp ?? null,
        heartRate: input.heartRate ?? null,
        spo2: input.spo2 ?? null,
        respiratoryRate: input.respiratoryRate ?? null,
        recordedAt,
        recordedById: ctx.user.id,
      },
    });
    let hold = before;
    let clearedOverride: string | null = null;
    if (input.timepoint === 'PRE') {
      const isHeld = getHoldState({ latestPre: { sbp: vital.sbp, dbp: vital.dbp }, rule, overrideReason: null }).isHeld;
      if (isHeld && visit.holdOverrideReason !== null) {
        clearedOverride = visit.holdOverrideReason;
        await tx.visit.update({
          where: { id: visitId },
          data: { holdOverrideReason: null, holdOverriddenById: null, version: { increment: 1 } },
        });
      }
      hold = getHoldState({
        latestPre: { sbp: vital.sbp, dbp: vital.dbp },
        rule,
        overrideReason: isHeld ? null : visit.holdOverrideReason,
      });
    }
    const values = {
      sbp: vital.sbp,
      dbp: vital.dbp,
      heartRate: vital.heartRate,
      spo2: vital.spo2,
      respiratoryRate: vital.respiratoryRate,
    };
    await ctx.audit(tx, {
      action: 'vital_sign.record',
      entityType: 'VitalSign',
      entityId: vital.id,
      after: {
        visitId,
        timepoint: vital.timepoint,
        ...values,
        recordedAt: recordedAt.toISOString(),
        isHeld: hold.isHeld,
        ...(clearedOverride ? { clearedHoldOverride: clearedOverride } : {}),
      },
    });
    return {
      vital: { id: vital.id, timepoint: vital.timepoint, ...values, recordedAt: recordedAt.toISOString() },
      hold,
    };
  });
}
