import 'server-only';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { AdministrationInput } from '@/lib/validations/infusions';
import type { WriteContext } from '@/lib/visits/types';
import { assertCheckedIn, assertNoHold, loadInfusionVisit } from './load-infusion-visit';

export type AdministrationDto = { id: string; visitId: string; administeredDoseMg: number; verifiedDoseMg: number; lotNumber: string; startedAt: string; stoppedAt: string | null };

/** Allowance for floating-point noise when comparing mg values (well below any rounding increment). */
const MG_EPSILON = 1e-9;

/**
 * What was given: dose, lot number, start and stop. Needs a verified dose first (409
 * "Verify the dose before recording the infusion") and never more than the verified dose
 * (400). Audited `infusion.administer`.
 */
export async function recordAdministration({ visitId, input, ctx, now = new Date() }: { visitId: string; input: AdministrationInput; ctx: WriteContext; now?: Date }): Promise<AdministrationDto> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { visit, administration, hold } = await loadInfusionVisit(tx, visitId);
      assertCheckedIn(visit, 'recording the infusion');
      const verification = visit.doseVerification;
      if (!verification) throw new AppError('CONFLICT', 'Verify the dose before recording the infusion');
      if (administration) throw new AppError('CONFLICT', 'The infusion for this visit is already recorded.');
      assertNoHold(hold);
      if (input.administeredDoseMg > verification.doseMg + MG_EPSILON) {
        throw new AppError('VALIDATION_FAILED', `The administered dose cannot exceed the verified dose of ${verification.doseMg} mg.`, {
          fields: { administeredDoseMg: [`The administered dose cannot exceed the verified dose of ${verification.doseMg} mg.`] },
        });
      }
      const startedAt = new Date(input.startedAt);
      const stoppedAt = input.stoppedAt ? new Date(input.stoppedAt) : null;
      const latest = now.getTime() + 5 * 60_000;
      if (startedAt.getTime() > latest) throw new AppError('VALIDATION_FAILED', undefined, { fields: { startedAt: ['The start time cannot be in the future'] } });
      if (stoppedAt && stoppedAt.getTime() > latest) throw new AppError('VALIDATION_FAILED', undefined, { fields: { stoppedAt: ['The stop time cannot be in the future'] } });
      if (visit.checkedInAt && startedAt.getTime() < visit.checkedInAt.getTime()) {
        throw new AppError('VALIDATION_FAILED', undefined, { fields: { startedAt: ['The infusion cannot start before check-in'] } });
      }
      const row = await tx.infusionAdministration.create({
        data: { visitId, administeredDoseMg: input.administeredDoseMg, lotNumber: input.lotNumber, startedAt, stoppedAt, recordedById: ctx.user.id },
      });
      const dto: AdministrationDto = {
        id: row.id,
        visitId,
        administeredDoseMg: row.administeredDoseMg,
        verifiedDoseMg: verification.doseMg,
        lotNumber: row.lotNumber,
        startedAt: startedAt.toISOString(),
        stoppedAt: stoppedAt?.toISOString() ?? null,
      };
      await ctx.audit(tx, { action: 'infusion.administer', entityType: 'InfusionAdministration', entityId: row.id, after: dto });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'visitId')) throw new AppError('CONFLICT', 'The infusion for this visit is already recorded.');
    throw error;
  }
}
