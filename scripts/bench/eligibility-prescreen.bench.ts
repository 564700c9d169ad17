import { evaluateCriteria, evaluateCriteriaOutcomes } from '@/lib/eligibility/evaluate-criteria';
import { makeSyntheticCandidates, makeSyntheticCriteria } from '@/lib/eligibility/synthetic-candidates';
import { summarize, timeOnce } from './stats.mjs';
import type { BenchContext, BenchRow } from './types';

// The eligibility pre-screen: every one of 10,000 synthetic candidates against
// a 36-criterion protocol (pure code, no database), as one pre-screen run: with
// explanations (what a single check builds) and without (what runPrescreen runs).

const CANDIDATES = 10_000;
const RUNS = 10;
const TARGET_MS = 1_000;
const AS_OF = '2026-11-23';

export async function run({ log }: BenchContext): Promise<BenchRow[]> {
  const candidates = makeSyntheticCandidates({ count: CANDIDATES, seed: 20261123, asOf: AS_OF });
  const criteria = makeSyntheticCriteria();
  const variants = [
    { label: '', evaluate: evaluateCriteria },
    { label: ', results without explanations (as runPrescreen)', evaluate: evaluateCriteriaOutcomes },
  ];
  const rows: BenchRow[] = [];
  for (const { label, evaluate } of variants) {
    let evaluated = 0;
    const prescreen = async () => {
      evaluated = 0;
      for (const { candidate } of candidates) evaluated += evaluate({ criteria, candidate, asOf: AS_OF }).length;
    };
    await prescreen();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await timeOnce(prescreen));
    const stats = summarize(samples);
    log(
      `  ${CANDIDATES} candidates × ${criteria.length} criteria${label}: p50 ${stats.p50.toFixed(0)} / p95 ${stats.p95.toFixed(0)} ms`,
    );
    rows.push({
      scenario: `Pre-screen ${CANDIDATES.toLocaleString('en-US')} candidates × ${criteria.length} criteria${label}`,
      runs: RUNS,
      p50: stats.p50,
      p95: stats.p95,
      directP50: null,
      directP95: null,
      note: `${evaluated.toLocaleString('en-US')} criterion results per run`,
      target: `p95 ≤ ${TARGET_MS.toLocaleString('en-US')} ms`,
      pass: stats.p95 <= TARGET_MS,
    });
  }
  return rows;
}
