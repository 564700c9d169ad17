import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { clinicToday } from '@/lib/clinic/clinic-today';
import { prisma } from '@/lib/db';
import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import type { CheckInInput } from '@/lib/validations/infusions';
import { loadInfusionVisit } from './load-infusion-visit';
import { requiresPregnancyTest } from './requires-pregnancy-test';

export type CheckInResult = {
  visitId: string;
  status: 'CHECKED_IN';
  checkedInAt: string;
  isDriverConfirmed: boolean;
  pregnancyTest: 'NOT_REQUIRED' | 'NEGATIVE';
  hasNoNewExclusion: boolean;
  version: number;
};

/**
 * Check-in safety checklist of a visit scheduled for today: an adult driver confirmed, no
 * new exclusion, and a negative pregnancy test when one is required (female participant,
 * trial excluding pregnancy); otherwise NOT_REQUIRED. A positive test or an unticked item
 * is refused (400) and nothing is recorded. Audited `visit.check_in`.
 */
export async function checkIn({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: CheckInInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<CheckInResult> {
  return prisma.$transaction(async (tx) => {
    const { visit, timeZone } = await loadInfusionVisit({ db: tx, visitId });
    if (visit.status !== 'SCHEDULED')
      throw new AppError('CONFLICT', `This visit is already ${visit.status.toLowerCase().replace('_', ' ')}.`);
    if (visit.enrollment.status !== 'ACTIVE')
      throw new AppError('CONFLICT', 'The participant is no longer active in the trial.');
    const scheduledDay = utcToZoned(visit.scheduledAt, timeZone).date;
    const today = clinicToday(timeZone, now).date;
    if (scheduledDay !== today)
      throw new AppError('CONFLICT', `This visit is scheduled for ${scheduledDay}, not today (${today}).`);

    const isTestRequired = await requiresPregnancyTest({
      db: tx,
      trialId: visit.enrollment.trialId,
      sex: visit.enrollment.candidate.sex,
    });
    const fields: FieldErrors = {};
    if (!input.isDriverConfirmed) fields.isDriverConfirmed = ['An adult driver must be confirmed before the infusion.'];
    if (!input.hasNoNewExclusion)
      fields.hasNoNewExclusion = ['A new exclusion criterion applies: do not infuse; review eligibility.'];
    if (input.pregnancyTest === 'POSITIVE')
      fields.pregnancyTest = ['A positive pregnancy test excludes the participant from the infusion.'];
    else if (isTestRequired && input.pregnancyTest !== 'NEGATIVE')
      fields.pregnancyTest = ['This protocol requires a pregnancy test for this participant; enter the result.'];
    if (Object.keys(fields).length > 0)
      throw new AppError('VALIDATION_FAILED', 'The check-in checklist is not complete.', { fields });

    const pregnancyTest = input.pregnancyTest === 'NEGATIVE' ? 'NEGATIVE' : 'NOT_REQUIRED';
    const updated = await tx.visit.update({
      where: { id: visit.id },
      data: {
        status: 'CHECKED_IN',
        checkedInAt: now,
        checkedInById: ctx.user.id,
        isDriverConfirmed: true,
        pregnancyTest,
        hasNoNewExclusion: true,
        version: { increment: 1 },
      },
    });
    await ctx.audit(tx, {
      action: 'visit.check_in',
      entityType: 'Visit',
      entityId: visit.id,
      before: { status: visit.status },
      after: {
        status: 'CHECKED_IN',
        isDriverConfirmed: true,
        pregnancyTest,
        pregnancyTestRequired: isTestRequired,
        hasNoNewExclusion: true,
      },
    });
    return {
      visitId: visit.id,
      status: 'CHECKED_IN',
      checkedInAt: now.toISOString(),
      isDriverConfirmed: true,
      pregnancyTest,
      hasNoNewExclusion: true,
      version: updated.version,
    };
  });
}
