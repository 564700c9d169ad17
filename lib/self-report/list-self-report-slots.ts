import 'server-only';
import { listDueAssessments } from '@/lib/assessments/list-due-assessments';
import { prisma } from '@/lib/db';

/**
 * What the participant could answer themselves now or soon (not yet recorded), with any
 * open link, and whether an email address is on file for sending it.
 */
export async function listSelfReportSlots(options: { enrollmentId: string; now?: Date }) {
  const due = await listDueAssessments({
    enrollmentId: options.enrollmentId,
    statuses: ['overdue', 'due', 'upcoming'],
    now: options.now,
  });
  const enrollment = await prisma.enrollment.findUnique({
    where: { id: options.enrollmentId },
    select: { status: true, candidate: { select: { email: true } } },
  });
  const isActive = enrollment?.status === 'ACTIVE';
  return {
    hasEmail: Boolean(enrollment?.candidate.email),
    rows: isActive
      ? due.rows
          .filter((row) => row.isSelfReportable && row.status !== 'done')
          .map((row) => ({
            instrument: row.instrument,
            timepoint: row.timepoint,
            status: row.status as 'due' | 'overdue' | 'upcoming',
            openLink: row.openLink,
          }))
      : [],
  };
}
