import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { computeAdherence, type AdherenceReport } from '@/lib/scheduling/compute-adherence';
import { dosingProtocolSchema } from '@/lib/validations/dosing';

/** A completed visit more than this many hours after its first booked time counts as late. */
export const LATE_AFTER_HOURS = 24;

/**
 * Session adherence (completed against planned sessions, late and missed visits,
 * deviations) for one enrollment or for every enrollment of a trial. Planned sessions
 * come from the arm's confirmed protocol in the current version; without one, from the
 * distinct sessions booked.
 */
export async function getAdherence(target: { enrollmentId: string } | { trialId: string }): Promise<AdherenceReport> {
  const where = 'enrollmentId' in target ? { id: target.enrollmentId } : { trialId: target.trialId };
  const enrollments = await prisma.enrollment.findMany({
    where,
    include: {
      visits: { include: { _count: { select: { deviations: true } } } },
      deviations: { select: { visitId: true } },
      trial: {
        select: {
          protocolVersions: {
            orderBy: { number: 'desc' },
            take: 1,
            select: { dosing: { select: { armId: true, protocol: true } } },
          },
        },
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  if ('enrollmentId' in target && enrollments.length === 0)
    throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
  if (
    'trialId' in target &&
    enrollments.length === 0 &&
    !(await prisma.trial.findUnique({ where: { id: target.trialId }, select: { id: true } }))
  ) {
    throw new AppError('NOT_FOUND', 'This trial does not exist.');
  }
  return computeAdherence({
    lateAfterHours: LATE_AFTER_HOURS,
    participants: enrollments.map((enrollment) => {
      const dosing = enrollment.trial.protocolVersions[0]?.dosing.find((item) => item.armId === enrollment.armId);
      const parsed = dosing?.protocol ? dosingProtocolSchema.safeParse(dosing.protocol) : null;
      const plannedSessions = parsed?.success
        ? parsed.data.sessionCount
        : new Set(enrollment.visits.map((visit) => visit.sessionNumber)).size;
      return {
        participantId: enrollment.id,
        plannedSessions,
        visits: enrollment.visits.map((visit) => ({
          sessionNumber: visit.sessionNumber,
          status: visit.status,
          scheduledAt: visit.scheduledAt,
          originalScheduledAt: visit.originalScheduledAt,
          completedAt: visit.completedAt,
          deviations: visit._count.deviations,
        })),
        otherDeviations: enrollment.deviations.filter((deviation) => deviation.visitId === null).length,
      };
    }),
  });
}
