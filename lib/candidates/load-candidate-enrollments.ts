import 'server-only';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
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
  /** The trial's subject ID, e.g. "KET-001". */
  subjectId: string;
  /** Null in a masked trial for a viewer who may not see this participant's allocation. */
  armId: string | null;
  armLabel: string | null;
  isAllocationMasked: boolean;
  /** Set once a clinician broke the blind in an emergency: shown to everyone, the arm is not. */
  emergencyUnblinding: { by: string; at: string; reason: string } | null;
  status: EnrollmentStatus;
  /** 'YYYY-MM-DD'. */
  enrolledAt: string;
  endedAt: string | null;
  endReason: string | null;
  visits: CandidateVisit[];
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Every enrolment of the candidate with its visits in session order, the arm only where the viewer may see it. */
export async function loadCandidateEnrollments(options: {
  candidateId: string;
  viewerId: string;
}): Promise<CandidateEnrollment[]> {
  const { candidateId, viewerId } = options;
  const gate = await loadAllocationGate({ userId: viewerId });
  const rows = await prisma.enrollment.findMany({
    where: { candidateId },
    orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      trialId: true,
      subjectId: true,
      armId: true,
      arm: { select: { label: true } },
      trial: { select: { id: true, masking: true } },
      emergencyUnblindings: {
        orderBy: { createdAt: 'asc' },
        take: 1,
        select: { createdAt: true, reason: true, unblindedBy: { select: { name: true } } },
      },
      status: true,
      enrolledAt: true,
      endedAt: true,
      endReason: true,
      visits: {
        orderBy: [{ scheduledAt: 'asc' }, { sessionNumber: 'asc' }],
        select: {
          id: true,
          sessionNumber: true,
          scheduledAt: true,
          durationMin: true,
          status: true,
          chair: { select: { name: true } },
        },
      },
    },
  });
  return rows.map((row) => {
    const showArm = gate.canSee(row.trial, row.id);
    const broken = row.emergencyUnblindings[0];
    return {
      id: row.id,
      trialId: row.trialId,
      subjectId: row.subjectId,
      armId: showArm ? row.armId : null,
      armLabel: showArm ? row.arm.label : null,
      isAllocationMasked: !showArm,
      emergencyUnblinding: broken
        ? { by: broken.unblindedBy.name, at: broken.createdAt.toISOString(), reason: broken.reason }
        : null,
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
    };
  });
}
