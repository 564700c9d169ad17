import { describe, expect, it } from 'vitest';
import { trialDraftSchema } from '@/lib/validations/trials';
import { SEED_TRIALS } from '@/prisma/seed/data/seed-trials';
import { suggestRule } from './suggest-rule';

// The suggester on the seed trials' own criteria: where it proposes a rule it
// must propose the one the study team confirmed, never a looser or different one.
const criteria = SEED_TRIALS.flatMap((input) => {
  const trial = trialDraftSchema.parse(input);
  return trial.criteria.map((criterion) => ({ trial: trial.nctId ?? trial.protocolNumber, ...criterion }));
});

describe('suggestRule on the seed trials', () => {
  it.each([
    'Age 18 Years to 65 Years',
    'PHQ-9 total score ≥ 15 at screening',
    'Patients with a BMI > 40 kg/m2.',
    'Pregnancy, or nursing',
  ])('suggests exactly the confirmed rule for "%s"', (text) => {
    const criterion = criteria.find((c) => c.text === text)!;
    expect(criterion.rule).not.toBeNull();
    expect(suggestRule(criterion.text, criterion.kind)).toEqual(criterion.rule);
  });

  it('suggests the confirmed blood-pressure limits of NCT06419439', () => {
    const criterion = criteria.find(
      (c) => c.trial === 'NCT06419439' && c.text.startsWith('Current uncontrolled hypertension'),
    )!;
    expect(suggestRule(criterion.text, criterion.kind)).toEqual(criterion.rule);
  });

  it('without numbers on the page, "Poorly controlled hypertension" is only a diagnosis suggestion, left for the admin to confirm', () => {
    expect(suggestRule('Poorly controlled hypertension.', 'EXCLUSION')).toEqual({
      kind: 'diagnosis',
      anyOf: ['uncontrolled_hypertension'],
    });
  });

  it('never suggests a rule that disagrees with a confirmed one, apart from that documented case', () => {
    const disagreements = criteria.filter((c) => {
      const suggested = suggestRule(c.text, c.kind);
      return suggested !== null && c.rule !== null && JSON.stringify(suggested) !== JSON.stringify(c.rule);
    });
    expect(disagreements.map((c) => c.text)).toEqual(['Poorly controlled hypertension.']);
  });

  it('never suggests a rule for a criterion the study team left to clinician judgment', () => {
    const judgment = criteria.filter((c) => c.rule === null);
    expect(judgment.length).toBeGreaterThan(10);
    expect(judgment.filter((c) => suggestRule(c.text, c.kind) !== null).map((c) => c.text)).toEqual([]);
  });
});
