import 'server-only';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import type { CheckReview, CriterionKindValue, StoredCriterionResult } from '@/lib/eligibility/check-types';
import { isBlocking } from '@/lib/eligibility/overall-result';
import type { CriterionResult } from '@/lib/eligibility/types';
import { AppError } from '@/lib/errors/app-error';
import type { ReferralSourceValue } from '@/lib/validations/candidates';
import { REFERRAL_SOURCES } from '@/lib/candidates/vocabulary';

export type BlockingCriterionRow = { kind: CriterionKindValue; text: string; count: number };

export type ConversionRow = {
  referralSource: ReferralSourceValue | 'ALL';
  referred: number;
  /** Reached ELIGIBLE at some point (pipeline history). */
  eligible: number;
  enrolled: number;
  /** Shares of `referred`; null when nobody was referred. */
  eligibleRate: number | null;
  enrolledRate: number | null;
};

export type ScreenFailReport = {
  trial: { id: string; label: string };
  /** Candidates whose deciding check says INELIGIBLE. */
  ineligibleCandidates: number;
  /** Most frequent first; a candidate counts once per criterion that rules them out. */
  blockingCriteria: BlockingCriterionRow[];
  /** Signed "not eligible" decisions that rest on no single ruling-out criterion (clinical judgment as a whole). */
  decisionsWithoutBlockingCriterion: number;
  /** One row per referral source, then the total ('ALL'). */
  conversion: ConversionRow[];
};

type CheckRow = { candidateId: string; overall: string; results: unknown; review: unknown; signedAt: Date | null };

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * A trial's screen failures and referral conversion.
 *
 * Blocking criteria: per candidate, the deciding check is the latest saved check
 * when it is INELIGIBLE (computed, or a signed "not eligible"), else the latest
 * signed "not eligible" decision, if any. Its ruling-out criteria are counted —
 * the reviewed results for a signed check (judgments and overrides applied), the
 * engine's otherwise. Criteria are grouped by kind and wording, so amendments that
 * keep a criterion's text add up.
 *
 * Conversion per referral source: candidates on the trial's pipeline (referred),
 * those that reached ELIGIBLE at some point, and those enrolled.
 */
export async function getScreenFailReport(trialId: string): Promise<ScreenFailReport> {
  const trial = await prisma.trial.findUnique({
    where: { id: trialId },
    select: { id: true, acronym: true, shortTitle: true, title: true },
  });
  if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');

  const [latest, signedIneligible, conversionRows] = await Promise.all([
    prisma.$queryRaw<CheckRow[]>`
      SELECT DISTINCT ON (ec."candidateId") ec."candidateId", ec.overall::text AS overall, ec.results, ec.review, ec."signedAt"
      FROM "EligibilityCheck" ec JOIN "Candidate" c ON c.id = ec."candidateId"
      WHERE ec."trialId" = ${trialId} AND c."voidedAt" IS NULL
      ORDER BY ec."candidateId", ec."createdAt" DESC, ec.id DESC`,
    prisma.$queryRaw<CheckRow[]>`
      SELECT DISTINCT ON (ec."candidateId") ec."candidateId", ec.overall::text AS overall, ec.results, ec.review, ec."signedAt"
      FROM "EligibilityCheck" ec JOIN "Candidate" c ON c.id = ec."candidateId"
      WHERE ec."trialId" = ${trialId} AND c."voidedAt" IS NULL AND ec.decision = 'INELIGIBLE'::"EligibilityDecision"
      ORDER BY ec."candidateId", ec."signedAt" DESC, ec.id DESC`,
    prisma.$queryRaw<Array<{ source: ReferralSourceValue; referred: number; eligible: number; enrolled: number }>>`
      SELECT c."referralSource"::text AS source,
             COUNT(*)::int AS referred,
             COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PipelineEvent" ev WHERE ev."pipelineEntryId" = pe.id AND ev."toStage" = 'ELIGIBLE'::"PipelineStage"))::int AS eligible,
             COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."pipelineEntryId" = pe.id)
                               OR EXISTS (SELECT 1 FROM "PipelineEvent" ev WHERE ev."pipelineEntryId" = pe.id AND ev."toStage" = 'ENROLLED'::"PipelineStage"))::int AS enrolled
      FROM "PipelineEntry" pe JOIN "Candidate" c ON c.id = pe."candidateId"
      WHERE pe."trialId" = ${trialId} AND c."voidedAt" IS NULL
      GROUP BY c."referralSource"`,
  ]);

  const signedByCandidate = new Map(signedIneligible.map((row) => [row.candidateId, row]));
  const deciding: CheckRow[] = [];
  for (const row of latest) {
    if (row.overall === 'INELIGIBLE') deciding.push(row);
    else {
      const signed = signedByCandidate.get(row.candidateId);
      if (signed) deciding.push(signed);
    }
  }

  const counts = new Map<string, BlockingCriterionRow>();
  let withoutCriterion = 0;
  for (const row of deciding) {
    const review = row.review === null ? null : parseJson<CheckReview>(row.review);
    const final: Array<Pick<CriterionResult, 'kind' | 'text' | 'result'>> = review
      ? review.criteria
      : parseJson<StoredCriterionResult[]>(row.results);
    const blocking = final.filter(isBlocking);
    if (blocking.length === 0) withoutCriterion += 1;
    for (const criterion of blocking) {
      const key = `${criterion.kind}\u0000${criterion.text}`;
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else
        counts.set(key, {
          kind: criterion.kind === 'INCLUSION' ? 'inclusion' : 'exclusion',
          text: criterion.text,
          count: 1,
        });
    }
  }

  const bySource = new Map(conversionRows.map((row) => [row.source, row]));
  const conversion: ConversionRow[] = REFERRAL_SOURCES.map((source) => {
    const row = bySource.get(source) ?? { referred: 0, eligible: 0, enrolled: 0 };
    return {
      referralSource: source,
      referred: row.referred,
      eligible: row.eligible,
      enrolled: row.enrolled,
      eligibleRate: rate(row.eligible, row.referred),
      enrolledRate: rate(row.enrolled, row.referred),
    };
  });
  const total = conversion.reduce(
    (sum, row) => ({
      referred: sum.referred + row.referred,
      eligible: sum.eligible + row.eligible,
      enrolled: sum.enrolled + row.enrolled,
    }),
    { referred: 0, eligible: 0, enrolled: 0 },
  );
  conversion.push({
    referralSource: 'ALL',
    ...total,
    eligibleRate: rate(total.eligible, total.referred),
    enrolledRate: rate(total.enrolled, total.referred),
  });

  return {
    trial: { id: trial.id, label: trialLabel(trial) },
    ineligibleCandidates: deciding.length,
    // Most frequent first; ties in a stable order (inclusion before exclusion, then by wording).
    blockingCriteria: [...counts.values()].sort(
      (a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text),
    ),
    decisionsWithoutBlockingCriterion: withoutCriterion,
    conversion,
  };
}
