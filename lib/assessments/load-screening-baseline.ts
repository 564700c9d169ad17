import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { readPhq9Items } from '@/lib/measures/phq9-items';
import type { DuePlanItem } from './compute-due';
import { SCREENING_BASELINE_INSTRUMENT, SCREENING_BASELINE_TIMEPOINT } from './screening-baseline-policy';

// What the screening-baseline rule reads about one enrollment and one screening PHQ-9, for the
// page's offer and for the write (which reads it again inside its transaction).

export type BaselineEnrollment = {
  id: string;
  candidateId: string;
  dateOfBirth: string;
  enrolledOn: string;
  plan: DuePlanItem[];
  hasBaseline: boolean;
};

export async function loadBaselineEnrollment({
  db,
  enrollmentId,
}: {
  db: Db | Tx;
  enrollmentId: string;
}): Promise<BaselineEnrollment | null> {
  const enrollment = await db.enrollment.findUnique({
    where: { id: enrollmentId },
    select: {
      id: true,
      candidateId: true,
      enrolledAt: true,
      candidate: { select: { dateOfBirth: true } },
      trial: {
        select: {
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
      assessments: {
        where: {
          instrument: SCREENING_BASELINE_INSTRUMENT,
          timepoint: SCREENING_BASELINE_TIMEPOINT,
          supersededAt: null,
        },
        select: { id: true },
        take: 1,
      },
    },
  });
  if (!enrollment) return null;
  return {
    id: enrollment.id,
    candidateId: enrollment.candidateId,
    dateOfBirth: enrollment.candidate.dateOfBirth.toISOString().slice(0, 10),
    enrolledOn: enrollment.enrolledAt.toISOString().slice(0, 10),
    plan: enrollment.trial.protocolVersions[0]?.assessmentPlan ?? [],
    hasBaseline: enrollment.assessments.length > 0,
  };
}

export const SCREENING_PHQ9_SELECT = {
  id: true,
  candidateId: true,
  code: true,
  items: true,
  measuredOn: true,
  voidedAt: true,
  baselineAssessment: { select: { id: true } },
} as const;

type ScreeningPhq9Row = {
  id: string;
  candidateId: string;
  items: unknown;
  measuredOn: Date;
  voidedAt: Date | null;
  baselineAssessment: { id: string } | null;
};

/** A screening PHQ-9 row as the rule's facts, and its nine answers when it has them. */
export function toScreeningFacts(row: ScreeningPhq9Row, candidateId: string) {
  const items = readPhq9Items(row.items);
  return {
    items,
    facts: {
      measuredOn: row.measuredOn.toISOString().slice(0, 10),
      isOwn: row.candidateId === candidateId,
      isVoided: row.voidedAt !== null,
      hasItems: items !== null,
      isUsed: row.baselineAssessment !== null,
    },
  };
}
