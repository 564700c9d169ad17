import 'server-only';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import { INSTRUMENT_CODES } from '@/lib/outcomes/instrument-codes';
import { primaryScore } from './primary-score';
import { timepointOrder } from './timepoint-order';

export type CandidateOutcomeSummary = Array<{
  enrollmentId: string;
  trialId: string;
  trialLabel: string;
  status: string;
  enrolledAt: string;
  latest: Array<{
    instrument: string;
    timepoint: string;
    administeredAt: string;
    value: number | null;
    total: number | null;
    severity: string | null;
    flags: string[];
  }>;
}>;

/** A candidate's enrollments, each with the latest current score per instrument (for the candidate page). */
export async function getCandidateOutcomeSummary(candidateId: string): Promise<CandidateOutcomeSummary> {
  const enrollments = await prisma.enrollment.findMany({
    where: { candidateId },
    orderBy: [{ enrolledAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      enrolledAt: true,
      trial: { select: { id: true, acronym: true, shortTitle: true, title: true } },
      assessments: {
        where: { supersededAt: null },
        select: {
          instrument: true,
          timepoint: true,
          administeredAt: true,
          total: true,
          subscores: true,
          severity: true,
          flags: true,
        },
      },
    },
  });
  return enrollments.map((enrollment) => {
    const latestByInstrument = new Map<string, (typeof enrollment.assessments)[number]>();
    for (const row of enrollment.assessments) {
      const seen = latestByInstrument.get(row.instrument);
      const isLater =
        !seen ||
        row.administeredAt > seen.administeredAt ||
        (row.administeredAt.getTime() === seen.administeredAt.getTime() &&
          timepointOrder(row.timepoint) > timepointOrder(seen.timepoint));
      if (isLater) latestByInstrument.set(row.instrument, row);
    }
    return {
      enrollmentId: enrollment.id,
      trialId: enrollment.trial.id,
      trialLabel: trialLabel(enrollment.trial),
      status: enrollment.status,
      enrolledAt: enrollment.enrolledAt.toISOString().slice(0, 10),
      latest: [...latestByInstrument.values()]
        .sort(
          (a, b) => INSTRUMENT_CODES.indexOf(a.instrument as never) - INSTRUMENT_CODES.indexOf(b.instrument as never),
        )
        .map((row) => ({
          instrument: row.instrument,
          timepoint: row.timepoint,
          administeredAt: row.administeredAt.toISOString(),
          value: primaryScore(row.instrument, row.total, row.subscores),
          total: row.total,
          severity: row.severity,
          flags: row.flags,
        })),
    };
  });
}
