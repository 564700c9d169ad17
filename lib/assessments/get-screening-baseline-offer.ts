import 'server-only';
import { prisma } from '@/lib/db';
import { PHQ9_ITEM_LABELS, PHQ9_TOTAL_CODE } from '@/lib/measures/phq9-items';
import { scoreAssessment } from '@/lib/outcomes/score-assessment';
import { loadBaselineEnrollment, SCREENING_PHQ9_SELECT, toScreeningFacts } from './load-screening-baseline';
import { baselinePlanItem, baselineWindow, screeningBaselineProblem } from './screening-baseline-policy';

/** What the outcomes page previews before "Use screening PHQ-9 as baseline" is confirmed. */
export type ScreeningBaselineOffer = {
  window: { start: string; end: string };
  /** The latest screening PHQ-9 entered item by item, scored as the baseline would be. */
  screening: {
    measurementId: string;
    measuredOn: string;
    items: Array<{ label: string; answer: number }>;
    total: number | null;
    severity: string | null;
    flags: string[];
  } | null;
  /** Why it cannot be used (a 409 would say the same), or why there is nothing to use. */
  problem: string | null;
};

/**
 * The offer for one enrollment, or null when there is nothing to offer: the plan has no PHQ-9
 * baseline, or a current one is recorded (correct that one instead).
 */
export async function getScreeningBaselineOffer({
  enrollmentId,
}: {
  enrollmentId: string;
}): Promise<ScreeningBaselineOffer | null> {
  const enrollment = await loadBaselineEnrollment({ db: prisma, enrollmentId });
  const planItem = enrollment ? baselinePlanItem(enrollment.plan) : null;
  if (!enrollment || !planItem || enrollment.hasBaseline) return null;
  const window = baselineWindow(planItem, enrollment.enrolledOn);

  const rows = await prisma.measurement.findMany({
    where: { candidateId: enrollment.candidateId, code: PHQ9_TOTAL_CODE, voidedAt: null },
    orderBy: [{ measuredOn: 'desc' }, { createdAt: 'desc' }],
    select: SCREENING_PHQ9_SELECT,
    take: 20,
  });
  const unused = rows.filter((row) => row.baselineAssessment === null);
  const problemOf = (candidate: (typeof rows)[number]) =>
    screeningBaselineProblem({
      plan: enrollment.plan,
      enrolledOn: enrollment.enrolledOn,
      measurement: toScreeningFacts(candidate, enrollment.candidateId).facts,
      hasBaseline: enrollment.hasBaseline,
    });
  const itemized = unused.filter((candidate) => toScreeningFacts(candidate, enrollment.candidateId).items !== null);
  // The latest one inside the window; else the latest, with the reason it cannot be used.
  const row = itemized.find((candidate) => problemOf(candidate) === null) ?? itemized[0];
  if (!row) {
    const typed = unused[0];
    return {
      window,
      screening: null,
      problem: typed
        ? `The screening PHQ-9 of ${typed.measuredOn.toISOString().slice(0, 10)} was entered as a total only; enter the nine items on the screening form to use it as the baseline.`
        : 'No screening PHQ-9 entered item by item.',
    };
  }
  const { items, facts } = toScreeningFacts(row, enrollment.candidateId);
  const score = scoreAssessment({ instrument: 'PHQ9', items });
  const problem = problemOf(row);
  return {
    window,
    screening: {
      measurementId: row.id,
      measuredOn: facts.measuredOn,
      items: (items ?? []).map((answer, index) => ({ label: PHQ9_ITEM_LABELS[index] ?? `Item ${index + 1}`, answer })),
      total: score.ok ? score.total : null,
      severity: score.ok ? score.severity : null,
      flags: score.ok ? score.flags : [],
    },
    problem: problem?.message ?? null,
  };
}
