import type { ActorContext } from '@/lib/auth/actor-context';
import { uniqueToken } from '@/lib/candidates/test-support';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import type { RuleNode } from '@/lib/validations/eligibility';
import { createTrial } from '@/prisma/seed/trials';
import { getTestPrisma } from './test-db';

// Saved eligibility checks for the review tests: a fictional trial whose only structured rule is
// age, beside clinician-judgment criteria, so a check needs no screening data. An adult of 18-65
// gets PENDING_REVIEW; older gets INELIGIBLE; `withPhq9` adds a rule that leaves the check INCOMPLETE.

const AGE_RULE: RuleNode = { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 };
const PHQ9_RULE: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };

export const JUDGMENT_CRITERIA = [
  { kind: 'INCLUSION' as const, text: 'Age 18 to 65', rule: AGE_RULE },
  { kind: 'INCLUSION' as const, text: 'Treatment-resistant depression per the study psychiatrist', rule: null },
  { kind: 'INCLUSION' as const, text: 'Able to attend twice-weekly visits, per the clinician', rule: null },
  { kind: 'EXCLUSION' as const, text: 'Any condition the clinician judges unsafe for ketamine', rule: null },
];

export async function createJudgmentTrial({ withPhq9 = false }: { withPhq9?: boolean } = {}) {
  const criteria = withPhq9
    ? [...JUDGMENT_CRITERIA, { kind: 'INCLUSION' as const, text: 'PHQ-9 ≥ 15', rule: PHQ9_RULE }]
    : JUDGMENT_CRITERIA;
  const { trial } = await createTrial(getTestPrisma(), { title: `Fictional review study ${uniqueToken()}`, criteria });
  return trial;
}

export function runCheck({ candidateId, trialId, ctx }: { candidateId: string; trialId: string; ctx: ActorContext }) {
  return runEligibilityCheck({ candidateId, trialId, ctx });
}
