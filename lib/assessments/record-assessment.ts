import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { flagLabel } from '@/lib/outcomes/flags';
import { openAssessmentAlerts } from '@/lib/safety/open-safety-alerts';
import { alertingFlags } from '@/lib/safety/policy';
import { hasPermission } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { RecordAssessmentRequest } from '@/lib/validations/assessments';
import { loadDateBounds, lockAssessmentSlot, parseAdministeredAt } from './assessment-slot';
import { scoreOrThrow } from './score-or-throw';
import type { RecordedAssessment } from './types';

/**
 * Records one questionnaire administration for an enrollment at a timepoint of its trial's
 * assessment plan (current protocol version). Scores it, refuses a second current record for the
 * same enrollment × instrument × timepoint (409: correct the existing one instead), and audits
 * `assessment.record` — plus `assessment.safety_flag` and a safety alert for a suicidality answer
 * (lib/safety/policy.ts) — in the same transaction.
 */
export async function recordAssessment({
  input,
  ctx,
  now = new Date(),
}: {
  input: RecordAssessmentRequest;
  ctx: ActorContext;
  now?: Date;
}): Promise<RecordedAssessment> {
  if (!hasPermission(ctx.user.role, 'outcome.record'))
    throw new AppError('FORBIDDEN', 'Only clinicians and coordinators record questionnaires.');

  const score = scoreOrThrow(input.instrument, input.items);
  const enrollment = await prisma.enrollment.findUnique({
    where: { id: input.enrollmentId },
    select: {
      id: true,
      trialId: true,
      trial: {
        select: {
          protocolVersions: {
            orderBy: { number: 'desc' },
            take: 1,
            select: { number: true, assessmentPlan: { select: { instrument: true, timepoint: true } } },
          },
        },
      },
    },
  });
  if (!enrollment) {
    throw new AppError('NOT_FOUND', 'No such enrollment.', { fields: { enrollmentId: ['No such enrollment.'] } });
  }
  const version = enrollment.trial.protocolVersions[0];
  const planned = version?.assessmentPlan.some(
    (item) => item.instrument === score.instrument && item.timepoint === input.timepoint,
  );
  if (!planned) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: {
        timepoint: [
          `${input.timepoint} is not a ${score.instrument} timepoint in this trial's assessment plan${version ? ` (protocol version ${version.number})` : ''}.`,
        ],
      },
    });
  }
  const administeredAt = parseAdministeredAt(input.administeredAt, now, await loadDateBounds(enrollment.id, now));

  return prisma.$transaction(async (tx) => {
    const key = { enrollmentId: enrollment.id, instrument: score.instrument, timepoint: input.timepoint };
    await lockAssessmentSlot({ tx, ...key });
    const existing = await tx.assessment.findFirst({ where: { ...key, supersededAt: null }, select: { id: true } });
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `A ${score.instrument} is already recorded at ${input.timepoint} for this participant. Correct it instead.`,
        {
          details: { assessmentId: existing.id },
        },
      );
    }
    const row = await tx.assessment.create({
      data: {
        ...key,
        administeredAt,
        items: [...input.items],
        total: score.total,
        subscores: score.subscores,
        severity: score.severity,
        flags: score.flags,
        isComplete: score.isComplete,
        recordedById: ctx.user.id,
      },
    });
    const summary = {
      ...key,
      administeredAt: administeredAt.toISOString(),
      total: score.total,
      severity: score.severity,
      flags: score.flags,
    };
    await ctx.audit(tx, {
      action: 'assessment.record',
      entityType: 'Assessment',
      entityId: row.id,
      after: { ...summary, items: input.items },
    });
    const suicidality = alertingFlags(score.flags);
    if (suicidality.length > 0) {
      await ctx.audit(tx, {
        action: 'assessment.safety_flag',
        entityType: 'Assessment',
        entityId: row.id,
        after: { ...summary, flags: suicidality },
        reason: `${suicidality.map(flagLabel).join('; ')}.`,
      });
      await openAssessmentAlerts({
        tx,
        assessment: { id: row.id, enrollmentId: enrollment.id, flags: suicidality, items: input.items },
        source: 'STAFF',
        audit: ctx.audit,
      });
    }
    return { id: row.id, total: score.total, subscores: score.subscores, severity: score.severity, flags: score.flags };
  });
}
