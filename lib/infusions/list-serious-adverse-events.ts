import 'server-only';
import { prisma } from '@/lib/db';

export type SeriousAdverseEventItem = {
  id: string;
  term: string;
  grade: number;
  outcome: string;
  relatedness: string;
  onsetAt: string;
  resolvedAt: string | null;
  visitId: string | null;
  sessionNumber: number | null;
  enrollmentId: string;
  participant: { candidateId: string; mrn: string };
  trial: { id: string; nctId: string | null; label: string };
};

/**
 * Serious adverse events (not voided) for the dashboard flag, newest onset first. By
 * default only those of the last `sinceDays` days (90) plus any not yet resolved.
 * Identifies the participant by MRN only.
 */
export async function listSeriousAdverseEvents(
  options: { sinceDays?: number; limit?: number; now?: Date } = {},
): Promise<SeriousAdverseEventItem[]> {
  const { sinceDays = 90, limit = 50, now = new Date() } = options;
  const since = new Date(now.getTime() - sinceDays * 86_400_000);
  const rows = await prisma.adverseEvent.findMany({
    where: { isSerious: true, voidedAt: null, OR: [{ onsetAt: { gte: since } }, { resolvedAt: null }] },
    include: {
      visit: { select: { sessionNumber: true } },
      enrollment: {
        select: {
          candidate: { select: { id: true, mrn: true } },
          trial: { select: { id: true, nctId: true, acronym: true, shortTitle: true, title: true } },
        },
      },
    },
    orderBy: { onsetAt: 'desc' },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    term: row.term,
    grade: row.grade,
    outcome: row.outcome,
    relatedness: row.relatedness,
    onsetAt: row.onsetAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    visitId: row.visitId,
    sessionNumber: row.visit?.sessionNumber ?? null,
    enrollmentId: row.enrollmentId,
    participant: { candidateId: row.enrollment.candidate.id, mrn: row.enrollment.candidate.mrn },
    trial: {
      id: row.enrollment.trial.id,
      nctId: row.enrollment.trial.nctId,
      label: row.enrollment.trial.acronym ?? row.enrollment.trial.shortTitle ?? row.enrollment.trial.title,
    },
  }));
}
