import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { SubjectIdSettingsDto } from './types';
import { toSubjectIdSettings } from './get-trial-enrolment-records';

/**
 * An admin sets the trial's subject ID pattern, which also confirms it (until then it is a clinic
 * assumption, listed on the trial page). Once the trial has handed out a subject ID the pattern can
 * only be confirmed as it is, never changed (409): a trial's IDs share one format. Holds the counter
 * row's lock, the one enrolment takes, so no enrolment runs between the check and the write.
 */
export async function setSubjectIdPattern(options: {
  trialId: string;
  pattern: string;
  ctx: ActorContext;
}): Promise<SubjectIdSettingsDto> {
  const { trialId, pattern, ctx } = options;
  return prisma.$transaction(async (tx) => {
    // Trial row, then counter row: the order a randomized enrolment takes them in, so the two cannot deadlock.
    await tx.$queryRaw`SELECT id FROM "Trial" WHERE id = ${trialId} FOR NO KEY UPDATE`;
    const before = await tx.trial.findUnique({
      where: { id: trialId },
      select: { subjectIdPattern: true, subjectIdPatternConfirmedAt: true, subjectIdPatternConfirmedById: true },
    });
    if (!before) throw new AppError('NOT_FOUND', 'This trial does not exist.');
    await tx.$executeRaw`
      INSERT INTO "SubjectIdCounter" ("trialId", "lastNumber", "updatedAt") VALUES (${trialId}, 0, CURRENT_TIMESTAMP)
      ON CONFLICT ("trialId") DO NOTHING`;
    const [counter] = await tx.$queryRaw<Array<{ lastNumber: number }>>`
      SELECT "lastNumber" FROM "SubjectIdCounter" WHERE "trialId" = ${trialId} FOR UPDATE`;
    if (counter.lastNumber > 0 && pattern !== before.subjectIdPattern) {
      throw new AppError(
        'CONFLICT',
        `This trial has already assigned ${counter.lastNumber} subject ID(s) as ${before.subjectIdPattern}: the pattern can be confirmed but not changed.`,
        { fields: { pattern: [`Keep ${before.subjectIdPattern}: subject IDs have been assigned with it.`] } },
      );
    }
    const confirmedAt = new Date();
    const after = await tx.trial.update({
      where: { id: trialId },
      data: {
        subjectIdPattern: pattern,
        subjectIdPatternConfirmedAt: confirmedAt,
        subjectIdPatternConfirmedById: ctx.user.id,
      },
      select: {
        subjectIdPattern: true,
        subjectIdPatternConfirmedAt: true,
        subjectIdPatternConfirmedBy: { select: { id: true, name: true } },
      },
    });
    await ctx.audit(tx, {
      action: 'trial.subject_id_pattern',
      entityType: 'Trial',
      entityId: trialId,
      before: {
        pattern: before.subjectIdPattern,
        confirmedAt: before.subjectIdPatternConfirmedAt?.toISOString() ?? null,
        confirmedById: before.subjectIdPatternConfirmedById,
      },
      after: { pattern, confirmedAt: confirmedAt.toISOString(), confirmedById: ctx.user.id },
    });
    return toSubjectIdSettings({ ...after, subjectIdCounter: { lastNumber: counter.lastNumber } });
  });
}
