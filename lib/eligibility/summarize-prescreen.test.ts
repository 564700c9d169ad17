import { describe, expect, it } from 'vitest';
import { summarizePrescreen, type PrescreenEvaluation } from '@/lib/eligibility/summarize-prescreen';
import type { CriterionResult } from '@/lib/eligibility/types';

function result(
  criterionId: string,
  kind: CriterionResult['kind'],
  value: CriterionResult['result'],
  missing: string[] = [],
): CriterionResult {
  return { criterionId, kind, text: `Criterion ${criterionId}`, result: value, explanation: '', missing };
}

const evaluations: PrescreenEvaluation[] = [
  {
    candidateId: 'p1',
    overall: 'INELIGIBLE',
    criteria: [
      result('age', 'INCLUSION', 'NOT_MET'),
      result('bmi', 'EXCLUSION', 'MET'),
      result('phq', 'INCLUSION', 'UNKNOWN', ['PHQ-9 total']),
    ],
  },
  {
    candidateId: 'p2',
    overall: 'INELIGIBLE',
    criteria: [result('age', 'INCLUSION', 'MET'), result('bmi', 'EXCLUSION', 'MET')],
  },
  {
    candidateId: 'p3',
    overall: 'INCOMPLETE',
    criteria: [
      result('phq', 'INCLUSION', 'UNKNOWN', ['PHQ-9 total']),
      result('bp', 'EXCLUSION', 'UNKNOWN', ['SBP', 'PHQ-9 total']),
    ],
  },
  {
    candidateId: 'p4',
    overall: 'INCOMPLETE',
    criteria: [result('bp', 'EXCLUSION', 'UNKNOWN', ['SBP']), result('alt', 'EXCLUSION', 'UNKNOWN', ['ALT ULN'])],
  },
  { candidateId: 'p5', overall: 'PENDING_REVIEW', criteria: [result('judgment', 'INCLUSION', 'NEEDS_REVIEW')] },
  { candidateId: 'p6', overall: 'PENDING_SIGNATURE', criteria: [result('age', 'INCLUSION', 'MET')] },
];

describe('summarizePrescreen', () => {
  const summary = summarizePrescreen(evaluations);

  it('counts every overall result, including zeros', () => {
    expect(summary.total).toBe(6);
    expect(summary.counts).toEqual({
      INELIGIBLE: 2,
      INCOMPLETE: 2,
      PENDING_REVIEW: 1,
      PENDING_SIGNATURE: 1,
      ELIGIBLE: 0,
    });
  });

  it('ranks the criteria that made people ineligible', () => {
    expect(summary.topBlockingCriteria).toEqual([
      { criterionId: 'bmi', kind: 'EXCLUSION', text: 'Criterion bmi', count: 2 },
      { criterionId: 'age', kind: 'INCLUSION', text: 'Criterion age', count: 1 },
    ]);
  });

  it('ranks missing data among incomplete candidates, once per candidate', () => {
    // Ties keep first-seen order: PHQ-9 (p3) before ALT ULN (p4).
    expect(summary.topMissing).toEqual([
      { item: 'SBP', count: 2 },
      { item: 'PHQ-9 total', count: 1 },
      { item: 'ALT ULN', count: 1 },
    ]);
    expect(summary.incompleteCandidates).toEqual([
      { candidateId: 'p3', missing: ['PHQ-9 total', 'SBP'] },
      { candidateId: 'p4', missing: ['SBP', 'ALT ULN'] },
    ]);
  });

  it('summarises an empty prescreen', () => {
    expect(summarizePrescreen([])).toEqual({
      total: 0,
      counts: { INELIGIBLE: 0, INCOMPLETE: 0, PENDING_REVIEW: 0, PENDING_SIGNATURE: 0, ELIGIBLE: 0 },
      topBlockingCriteria: [],
      topMissing: [],
      incompleteCandidates: [],
    });
  });
});
