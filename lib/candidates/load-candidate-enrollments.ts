import 'server-only';
import { prisma } from '@/lib/db';
import type { EnrollmentStatus, VisitStatus } from '@/lib/generated/prisma/enums';

// The candidate page's read of enrolments and their infusion visits (the
// Schedule and Outcomes sections). Read-only; the page's getCandidate call has
// already logged the view of this record.

export type CandidateVisit = {
  id: string;
  sessionNumber: number;
  /** ISO instant. */
  scheduledAt: string;
  durationMin: number;
  chairName: string | null;
  status: VisitStatus;
};

export type CandidateEnrollment = {
  id: string;
  trialId: string;
  armId: string;
  armLabel: string;
  status: EnrollmentStatus;
  /** 'YYYY-MM-DD'. */
  enrolledAt: string;
  endedAt: string | null;
  endReason: string | null;
  visits: CandidateVisit[];
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Every enrolment of the candidate with its visits in session order. */
export async function loadCandidateEnrollments(candidateId: string): Promise<CandidateEnrollment[]> {
  const rows = await prisma.enrollment.findMany({
    where: { candidateId },
    orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      trialId: true,
      armId: true,
      arm: { select: { label: true } },
      status: true,
      enrolledAt: true,
      endedAt: true,
      endReason: true,
      visits: {
        orderBy: [{ scheduledAt: 'asc' }, { sessionNumber: 'asc' }],
        select: { id: true, sessionNumber: true, scheduledAt: true, durationMin: true, status: true, chair: { select: { name: true } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    trialId: row.trialId,
    armId: row.armId,
    armLabel: row.arm.label,
    status: row.status,
    enrolledAt: isoDate(row.enrolledAt),
    endedAt: row.endedAt ? isoDate(row.endedAt) : null,
    endReason: row.endReason,
    visits: row.visits.map((visit) => ({
      id: visit.id,
      sessionNumber: visit.sessionNumber,
      scheduledAt: visit.scheduledAt.toISOString(),
      durationMin: visit.durationMin,
      chairName: visit.chair?.name ?? null,
      status: visit.status,
    })),
  }));
}
