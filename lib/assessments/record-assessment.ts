import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { hasPermission } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { RecordAssessmentRequest } from '@/lib/validations/assessments';
import { loadDateBounds, parseAdministeredAt } from './assessment-slot';
import { scoreOrThrow } from './score-or-throw';
import type { RecordedAssessment } from './types';
import { writeAssessment } from './write-assessment';

/**
 * Records one questionnaire administration for an enrollment at a timepoint of its trial's
 * assessment plan (current protocol version). Scores it and writes it through writeAssessment:
 * a second current record for the same enrollment × instrument × timepoint is a 409, and
 * `assessment.record` — plus `assessment.safety_flag` and a safety alert for a suicidality answer
 * (lib/safety/policy.ts) — is audited in the same transaction.
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

  return prisma.$transaction((tx) =>
    writeAssessment({
      tx,
      ctx,
      enrollmentId: enrollment.id,
      timepoint: input.timepoint,
      administeredAt,
      items: input.items,
      score,
    }),
  );
}
