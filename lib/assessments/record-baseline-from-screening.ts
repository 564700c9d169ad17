import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { hasPermission } from '@/lib/auth/permissions';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { getClinicClock } from '@/lib/clinic/clock';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { PHQ9_TOTAL_CODE } from '@/lib/measures/phq9-items';
import type { BaselineFromScreeningRequest } from '@/lib/validations/assessments';
import { parseAdministeredAt } from './assessment-slot';
import { loadBaselineEnrollment, SCREENING_PHQ9_SELECT, toScreeningFacts } from './load-screening-baseline';
import {
  SCREENING_BASELINE_INSTRUMENT,
  SCREENING_BASELINE_TIMEPOINT,
  screeningBaselineProblem,
} from './screening-baseline-policy';
import { scoreOrThrow } from './score-or-throw';
import type { RecordedAssessment } from './types';
import { writeAssessment } from './write-assessment';

/**
 * Makes a participant's PHQ-9 BASELINE from the PHQ-9 they answered item by item at screening
 * (decision 0040): an explicit act, never a side effect of enrolment. The answers are scored and
 * written by the same path as any recorded questionnaire (writeAssessment: the item-9 safety flag
 * and alert included), with the measurement kept as `sourceMeasurementId` and the
 * `assessment.record` event saying `source: SCREENING`. Refused with 409 and the reason by
 * lib/assessments/screening-baseline-policy.ts. The time administered is the clinic's wall clock
 * on the screening day (the measurement holds only the day).
 */
export async function recordBaselineFromScreening({
  enrollmentId,
  input,
  ctx,
  now = new Date(),
}: {
  enrollmentId: string;
  input: BaselineFromScreeningRequest;
  ctx: ActorContext;
  now?: Date;
}): Promise<RecordedAssessment & { sourceMeasurementId: string }> {
  if (!hasPermission(ctx.user.role, 'outcome.record'))
    throw new AppError('FORBIDDEN', 'Only clinicians and coordinators record questionnaires.');
  const { timeZone } = await getClinicClock();

  try {
    return await prisma.$transaction(async (tx) => {
      const enrollment = await loadBaselineEnrollment({ db: tx, enrollmentId });
      if (!enrollment) throw new AppError('NOT_FOUND', 'No such enrollment.');
      const row = await tx.measurement.findUnique({
        where: { id: input.measurementId },
        select: SCREENING_PHQ9_SELECT,
      });
      if (!row || row.code !== PHQ9_TOTAL_CODE)
        throw new AppError('NOT_FOUND', 'No such screening PHQ-9.', {
          fields: { measurementId: ['No such screening PHQ-9.'] },
        });
      const { items, facts } = toScreeningFacts(row, enrollment.candidateId);
      const problem = screeningBaselineProblem({
        plan: enrollment.plan,
        enrolledOn: enrollment.enrolledOn,
        measurement: facts,
        hasBaseline: enrollment.hasBaseline,
      });
      if (problem || !items) throw new AppError('CONFLICT', problem?.message, { details: { reason: problem?.code } });

      const administeredAt = parseAdministeredAt(input.administeredAt, now, {
        now,
        timeZone,
        dateOfBirth: enrollment.dateOfBirth,
      });
      if (utcToZoned(administeredAt, timeZone).date !== facts.measuredOn)
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: {
            administeredAt: [
              `The screening PHQ-9 was taken on ${facts.measuredOn}: enter a time on that day (${timeZone}).`,
            ],
          },
        });

      const score = scoreOrThrow(SCREENING_BASELINE_INSTRUMENT, items);
      const recorded = await writeAssessment({
        tx,
        ctx,
        enrollmentId: enrollment.id,
        timepoint: SCREENING_BASELINE_TIMEPOINT,
        administeredAt,
        items,
        score,
        origin: { source: 'SCREENING', measurementId: row.id },
      });
      return { ...recorded, sourceMeasurementId: row.id };
    });
  } catch (error) {
    // Two enrolments of one candidate using the same screening at once: the unique index decides.
    if (isUniqueViolation(error, 'sourceMeasurementId'))
      throw new AppError('CONFLICT', 'This screening PHQ-9 has already been used as a baseline.', {
        details: { reason: 'ALREADY_USED' },
      });
    throw error;
  }
}
