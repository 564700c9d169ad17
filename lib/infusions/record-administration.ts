import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { isMaskedTrial } from '@/lib/blinding/policy';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { dispenseFromLot } from '@/lib/drug-inventory/dispense-from-lot';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { AdministrationInput } from '@/lib/validations/infusions';
import { assertCheckedIn, assertNoHold, loadInfusionVisit } from './load-infusion-visit';

/** mg are null for a viewer blinded to the trial: they see the share of the prepared dose only. */
export type AdministrationDto = {
  id: string;
  visitId: string;
  administeredDoseMg: number | null;
  verifiedDoseMg: number | null;
  percentGiven: number | null;
  lotNumber: string;
  startedAt: string;
  stoppedAt: string | null;
};

/** Allowance for floating-point noise when comparing mg values (well below any rounding increment). */
const MG_EPSILON = 1e-9;

/** The mg given when `percent` of the verified dose went in, to the microgram, never above it. */
export function mgFromPercent(verifiedMg: number, percent: number): number {
  return Math.floor(verifiedMg * percent * 10) / 1000;
}

/**
 * What was given: the dose (mg, or the share of the prepared dose), lot number, start and
 * stop. Needs a verified dose first (409) and never more than the verified dose (400). In a
 * masked trial, staff blinded to it record the share given and never send or see mg, and no
 * error names the dose (a "0 mg" would unblind). Audited `infusion.administer`.
 */
export async function recordAdministration({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: AdministrationInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<AdministrationDto> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { visit, administration, hold } = await loadInfusionVisit({ db: tx, visitId });
      assertCheckedIn(visit, 'recording the infusion');
      const verification = visit.doseVerification;
      if (!verification) throw new AppError('CONFLICT', 'Verify the dose before recording the infusion');
      if (administration) throw new AppError('CONFLICT', 'The infusion for this visit is already recorded.');
      assertNoHold(hold);
      const trial = await tx.trial.findUniqueOrThrow({
        where: { id: visit.enrollment.trialId },
        select: { id: true, masking: true },
      });
      const isBlinded =
        isMaskedTrial(trial.masking) &&
        !(await loadAllocationGate({ userId: ctx.user.id, db: tx })).canSee(trial, visit.enrollmentId);
      if (isBlinded && input.administeredDoseMg !== undefined) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: {
            administeredDoseMg: ['This trial is masked: record the share of the prepared dose given, not mg.'],
          },
        });
      }
      let doseMg: number;
      let percentGiven: number;
      if (input.percentGiven !== undefined) {
        percentGiven = input.percentGiven;
        doseMg = mgFromPercent(verification.doseMg, percentGiven);
      } else {
        doseMg = input.administeredDoseMg ?? 0;
        if (doseMg > verification.doseMg + MG_EPSILON) {
          throw new AppError(
            'VALIDATION_FAILED',
            `The administered dose cannot exceed the verified dose of ${verification.doseMg} mg.`,
            {
              fields: {
                administeredDoseMg: [
                  `The administered dose cannot exceed the verified dose of ${verification.doseMg} mg.`,
                ],
              },
            },
          );
        }
        percentGiven = verification.doseMg > 0 ? Math.round((doseMg / verification.doseMg) * 100) : 100;
      }
      const startedAt = new Date(input.startedAt);
      const stoppedAt = input.stoppedAt ? new Date(input.stoppedAt) : null;
      const latest = now.getTime() + 5 * 60_000;
      if (startedAt.getTime() > latest)
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: { startedAt: ['The start time cannot be in the future'] },
        });
      if (stoppedAt && stoppedAt.getTime() > latest)
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: { stoppedAt: ['The stop time cannot be in the future'] },
        });
      if (visit.checkedInAt && startedAt.getTime() < visit.checkedInAt.getTime()) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: { startedAt: ['The infusion cannot start before check-in'] },
        });
      }
      const row = await tx.infusionAdministration.create({
        data: {
          visitId,
          administeredDoseMg: doseMg,
          percentGiven,
          lotNumber: input.lotNumber,
          startedAt,
          stoppedAt,
          recordedById: ctx.user.id,
        },
      });
      // The controlled-drug record: what was given is drawn from the lot named at verification.
      const dispensed =
        verification.drugLotId && doseMg > 0
          ? await dispenseFromLot({ tx, lotId: verification.drugLotId, visitId, mg: doseMg, actorId: ctx.user.id })
          : null;
      const full: AdministrationDto = {
        id: row.id,
        visitId,
        administeredDoseMg: row.administeredDoseMg,
        verifiedDoseMg: verification.doseMg,
        percentGiven,
        lotNumber: row.lotNumber,
        startedAt: startedAt.toISOString(),
        stoppedAt: stoppedAt?.toISOString() ?? null,
      };
      // trialId lets the audit view withhold the mg from staff blinded to this trial.
      await ctx.audit(tx, {
        action: 'infusion.administer',
        entityType: 'InfusionAdministration',
        entityId: row.id,
        after: {
          ...full,
          trialId: trial.id,
          ...(dispensed
            ? {
                dispenseMovementId: dispensed.movement.id,
                lotId: verification.drugLotId,
                openedVialRemainderMg: dispensed.openedVialRemainderMg,
              }
            : {}),
        },
      });
      if (dispensed) {
        await ctx.audit(tx, {
          action: 'drug.dispense',
          entityType: 'DrugMovement',
          entityId: dispensed.movement.id,
          after: { ...dispensed.movement, trialId: trial.id, doseMg },
        });
      }
      return isBlinded ? { ...full, administeredDoseMg: null, verifiedDoseMg: null } : full;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'visitId'))
      throw new AppError('CONFLICT', 'The infusion for this visit is already recorded.');
    throw error;
  }
}
