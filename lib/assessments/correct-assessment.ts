import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { flagLabel } from '@/lib/outcomes/flags';
import { openAssessmentAlerts } from '@/lib/safety/open-safety-alerts';
import { alertingFlags } from '@/lib/safety/policy';
import { hasPermission } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { CorrectAssessmentRequest } from '@/lib/validations/assessments';
import { loadDateBounds, lockAssessmentSlot, parseAdministeredAt } from './assessment-slot';
import { scoreOrThrow } from './score-or-throw';
import type { RecordedAssessment } from './types';

/**
 * Corrects a recorded questionnaire: a new row holds the corrected answers, points at the old one
 * (`correctsId`) and says why (`correctionReason`); the old row keeps its values and gets
 * `supersededAt`. Both writes and the `assessment.correct` audit event (before/after totals) are one
 * transaction. Only the current row of a chain can be corrected (409 otherwise).
 */
export async function correctAssessment({
  id,
  input,
  ctx,
  now = new Date(),
}: {
  id: string;
  input: CorrectAssessmentRequest;
  ctx: ActorContext;
  now?: Date;
}): Promise<RecordedAssessment & { correctsId: string }> {
  if (!hasPermission(ctx.user.role, 'outcome.record'))
    throw new AppError('FORBIDDEN', 'Only clinicians and coordinators correct questionnaires.');
  const reason = input.reason?.trim() ?? '';
  if (reason.length === 0)
    throw new AppError('VALIDATION_FAILED', undefined, { fields: { reason: ['A correction needs a reason.'] } });

  const original = await prisma.assessment.findUnique({ where: { id } });
  if (!original) throw new AppError('NOT_FOUND', 'No such assessment.');
  const score = scoreOrThrow(original.instrument, input.items);
  const administeredAt = parseAdministeredAt(
    input.administeredAt,
    original.administeredAt,
    await loadDateBounds(original.enrollmentId, now),
  );

  return prisma.$transaction(async (tx) => {
    await lockAssessmentSlot({ tx, ...original });
    const superseded = await tx.assessment.updateMany({
      where: { id, supersededAt: null },
      data: { supersededAt: now },
    });
    if (superseded.count === 0) {
      const newer = await tx.assessment.findUnique({ where: { correctsId: id }, select: { id: true } });
      throw new AppError(
        'CONFLICT',
        'This assessment has already been corrected. Correct the latest version instead.',
        {
          details: newer ? { assessmentId: newer.id } : undefined,
        },
      );
    }
    const row = await tx.assessment.create({
      data: {
        enrollmentId: original.enrollmentId,
        instrument: original.instrument,
        timepoint: original.timepoint,
        administeredAt,
        items: [...input.items],
        total: score.total,
        subscores: score.subscores,
        severity: score.severity,
        flags: score.flags,
        isComplete: score.isComplete,
        recordedById: ctx.user.id,
        correctsId: original.id,
        correctionReason: reason,
      },
    });
    await ctx.audit(tx, {
      action: 'assessment.correct',
      entityType: 'Assessment',
      entityId: row.id,
      before: {
        assessmentId: original.id,
        items: original.items,
        total: original.total,
        severity: original.severity,
        flags: original.flags,
      },
      after: {
        assessmentId: row.id,
        items: input.items,
        total: score.total,
        severity: score.severity,
        flags: score.flags,
      },
      reason,
    });
    // A suicidality answer that the original did not have opens an alert, as a first entry would.
    const newFlags = alertingFlags(score.flags).filter((flag) => !original.flags.includes(flag));
    if (newFlags.length > 0) {
      await ctx.audit(tx, {
        action: 'assessment.safety_flag',
        entityType: 'Assessment',
        entityId: row.id,
        after: {
          enrollmentId: original.enrollmentId,
          instrument: original.instrument,
          timepoint: original.timepoint,
          total: score.total,
          flags: newFlags,
        },
        reason: `${newFlags.map(flagLabel).join('; ')} (in a correction).`,
      });
      await openAssessmentAlerts({
        tx,
        assessment: { id: row.id, enrollmentId: original.enrollmentId, flags: newFlags, items: input.items },
        source: 'STAFF',
        audit: ctx.audit,
      });
    }
    return {
      id: row.id,
      correctsId: original.id,
      total: score.total,
      subscores: score.subscores,
      severity: score.severity,
      flags: score.flags,
    };
  });
}
