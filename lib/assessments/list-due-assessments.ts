import 'server-only';
import { trialLabel } from '@/lib/candidates/mappers';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import type { EnrollmentStatus, Prisma } from '@/lib/generated/prisma/client';
import { plannedSessionsByArm } from '@/lib/results/planned-sessions';
import { selfReportFormFor } from '@/lib/self-report/catalog';
import { computeDueAssessments, type DueItem, type DueStatus } from './compute-due';

export type DueAssessmentRow = Omit<DueItem, 'administeredAt'> & {
  administeredAt: string | null;
  enrollmentId: string;
  candidateId: string;
  participantName: string;
  mrn: string;
  trialId: string;
  trialLabel: string;
  enrollmentStatus: EnrollmentStatus;
  /** The participant can answer this one themselves (link or tablet). */
  isSelfReportable: boolean;
  /** A link the participant has not answered yet, if one is out. */
  openLink: {
    id: string;
    channel: 'LINK' | 'EMAIL' | 'TABLET';
    expiresAt: string;
    emailsSent: number;
    lastSentAt: string | null;
  } | null;
};

/** `timeZone`: the clinic settings' zone that `today` and the due days are in (decision 0039). */
export type DueAssessmentList = { today: string; timeZone: string; rows: DueAssessmentRow[] };

/** Participants still followed up: active ones, and completed ones (their follow-up visits come after the last infusion). */
const FOLLOWED_UP: EnrollmentStatus[] = ['ACTIVE', 'COMPLETED'];

/**
 * Due, overdue, upcoming and done assessments per enrollment, from its trial's assessment plan
 * (current protocol version), for the coordinators' lists and a participant's own page. Without an
 * enrollmentId only followed-up participants (active or completed) are listed.
 */
export async function listDueAssessments({
  trialId,
  enrollmentId,
  candidateId,
  statuses,
  now = new Date(),
}: {
  trialId?: string;
  enrollmentId?: string;
  candidateId?: string;
  statuses?: readonly DueStatus[];
  now?: Date;
} = {}): Promise<DueAssessmentList> {
  const clock = await getClinicClock({ now: () => now });
  const today = clock.today();
  const where: Prisma.EnrollmentWhereInput = {
    ...(trialId ? { trialId } : {}),
    ...(candidateId ? { candidateId } : {}),
    ...(enrollmentId ? { id: enrollmentId } : { status: { in: FOLLOWED_UP } }),
  };
  const enrollments = await prisma.enrollment.findMany({
    where,
    orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      enrolledAt: true,
      armId: true,
      candidate: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      trial: {
        select: {
          id: true,
          acronym: true,
          shortTitle: true,
          title: true,
          protocolVersions: {
            orderBy: { number: 'desc' },
            take: 1,
            select: {
              assessmentPlan: {
                select: { instrument: true, timepoint: true, windowBeforeDays: true, windowAfterDays: true },
              },
            },
          },
        },
      },
      arm: {
        select: { dosing: { select: { armId: true, protocol: true, protocolVersion: { select: { number: true } } } } },
      },
      visits: { select: { sessionNumber: true, status: true, scheduledAt: true, completedAt: true } },
      assessments: {
        where: { supersededAt: null },
        select: { id: true, instrument: true, timepoint: true, administeredAt: true },
      },
      selfReportLinks: {
        where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: 'desc' },
        select: {
          id: true,
          instrument: true,
          timepoint: true,
          channel: true,
          expiresAt: true,
          emailsSent: true,
          lastSentAt: true,
        },
      },
    },
  });

  const rows: DueAssessmentRow[] = [];
  for (const enrollment of enrollments) {
    const plannedSessions = plannedSessionsByArm(enrollment.arm.dosing).get(enrollment.armId) ?? null;
    const items = computeDueAssessments({
      plan: enrollment.trial.protocolVersions[0]?.assessmentPlan ?? [],
      enrolledOn: enrollment.enrolledAt.toISOString().slice(0, 10),
      visits: enrollment.visits,
      plannedSessions,
      assessments: enrollment.assessments,
      today,
      timeZone: clock.timeZone,
    });
    for (const item of items) {
      if (statuses && !statuses.includes(item.status)) continue;
      const link =
        item.status === 'done'
          ? undefined
          : enrollment.selfReportLinks.find(
              (row) => row.instrument === item.instrument && row.timepoint === item.timepoint,
            );
      rows.push({
        ...item,
        administeredAt: item.administeredAt?.toISOString() ?? null,
        enrollmentId: enrollment.id,
        candidateId: enrollment.candidate.id,
        participantName: `${enrollment.candidate.lastName}, ${enrollment.candidate.firstName}`,
        mrn: enrollment.candidate.mrn,
        trialId: enrollment.trial.id,
        trialLabel: trialLabel(enrollment.trial),
        enrollmentStatus: enrollment.status,
        isSelfReportable: selfReportFormFor(item.instrument) !== null,
        openLink: link
          ? {
              id: link.id,
              channel: link.channel,
              expiresAt: link.expiresAt.toISOString(),
              emailsSent: link.emailsSent,
              lastSentAt: link.lastSentAt?.toISOString() ?? null,
            }
          : null,
      });
    }
  }
  const order: Record<DueStatus, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };
  rows.sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      a.participantName.localeCompare(b.participantName),
  );
  return { today, timeZone: clock.timeZone, rows };
}
