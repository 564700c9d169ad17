import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '@/lib/eligibility/day-number';
import { evaluateCriteria } from '@/lib/eligibility/evaluate-criteria';
import type { CriterionResultValue, EligibilityCandidate, EligibilityCriterion } from '@/lib/eligibility/types';
import { NUMERIC_MEASURES } from '@/lib/measures/vocabulary';
import { newProvenance } from '@/lib/provenance/merge-provenance';
import { ruleForEngine } from '@/lib/provenance/rule-assumptions';
import type {
  DiagnosisRule,
  FactRule,
  LabRule,
  LeafRule,
  MedicationRule,
  NumberRule,
  RuleNode,
} from '@/lib/validations/eligibility';
import { trialDraftSchema, type TrialDraft } from '@/lib/validations/trials';
import { SEED_TRIALS } from '@/prisma/seed/data/seed-trials';

// Every structured criterion of the two seeded trials with confirmed rules (NCT06668571, NCT06419439), run
// through the real engine. Cases are generated from each rule's own threshold: for every leaf of a criterion,
// the other leaves are held at values that make the leaf decide the criterion (true inside `all`, false inside
// `any`), and the leaf is put below, on and above its threshold, left missing, and (when the rule has a time
// window) made stale. Expected answers come from an independent reading of the operator, not from the engine.
// Hand-written cases for the four key criteria follow. All data is fictional.

const AS_OF = '2026-11-23';
const AS_OF_DAY = toDayNumber(AS_OF);
const daysAgo = (days: number) => fromDayNumber(AS_OF_DAY - days);
/** The date of birth that makes someone exactly `age` today (today is the birthday). */
const bornYearsAgo = (age: number, dayShift = 0) =>
  fromDayNumber(toDayNumber(`${Number(AS_OF.slice(0, 4)) - age}${AS_OF.slice(4)}`) + dayShift);

function parseTrial(nctId: string): TrialDraft {
  const input = SEED_TRIALS.find((trial) => trial.nctId === nctId);
  if (!input) throw new Error(`Seed trial ${nctId} is missing`);
  return trialDraftSchema.parse(input);
}

/** The seeded trials as the engine loader gives them: a rule resting on an unconfirmed assumption is judgment. */
const TRIALS = ['NCT06668571', 'NCT06419439'].map(parseTrial).map((trial) => ({
  ...trial,
  criteria: trial.criteria.map((criterion) => ({
    ...criterion,
    rule: ruleForEngine(criterion.rule, newProvenance(criterion.provenance)),
  })),
}));

function emptyCandidate(): EligibilityCandidate {
  return {
    dateOfBirth: bornYearsAgo(40, -100),
    sex: 'female',
    measurements: [],
    labs: [],
    diagnoses: [],
    medications: [],
    facts: [],
  };
}

/** Adds a leaf's data to a candidate. */
type Fill = (candidate: EligibilityCandidate) => void;

type LeafCase = { name: string; fill: Fill; expected: CriterionResultValue };

const truth = (value: boolean): CriterionResultValue => (value ? 'MET' : 'NOT_MET');

function compare(rule: { op: NumberRule['op']; value: number; max?: number }, x: number): boolean {
  switch (rule.op) {
    case 'lt':
      return x < rule.value;
    case 'lte':
      return x <= rule.value;
    case 'gt':
      return x > rule.value;
    case 'gte':
      return x >= rule.value;
    case 'eq':
      return x === rule.value;
    case 'between':
      return x >= rule.value && x <= (rule.max ?? rule.value);
  }
}

/** Values on both sides of each bound and exactly on it. */
function probeValues(rule: { op: NumberRule['op']; value: number; max?: number }, step: number): number[] {
  const around = (v: number) => [v - step, v, v + step].map((x) => Math.round(x * 1000) / 1000);
  return rule.op === 'between' ? [...around(rule.value), ...around(rule.max ?? rule.value)] : around(rule.value);
}

function setNumber(code: NumberRule['measure'], value: number, measuredAt = daysAgo(3)): Fill {
  return (candidate) => {
    if (code === 'age_years') candidate.dateOfBirth = bornYearsAgo(value);
    else candidate.measurements.push({ code, value, measuredAt });
  };
}

function numberCases(rule: NumberRule): LeafCase[] {
  const step = rule.measure === 'age_years' ? 1 : NUMERIC_MEASURES[rule.measure].step;
  const cases: LeafCase[] = probeValues(rule, step).map((value) => ({
    name: `${rule.measure} = ${value}`,
    fill: setNumber(rule.measure, value),
    expected: truth(compare(rule, value)),
  }));
  cases.push({
    name: `${rule.measure} missing`,
    fill: rule.measure === 'age_years' ? (candidate) => (candidate.dateOfBirth = '') : () => {},
    expected: 'UNKNOWN',
  });
  if (rule.withinDays !== undefined) {
    const inside = rule.value;
    cases.push({
      name: `${rule.measure} exactly ${rule.withinDays} days old`,
      fill: setNumber(rule.measure, inside, daysAgo(rule.withinDays)),
      expected: truth(compare(rule, inside)),
    });
    cases.push({
      name: `${rule.measure} stale`,
      fill: setNumber(rule.measure, inside, daysAgo(rule.withinDays + 1)),
      expected: 'UNKNOWN',
    });
  }
  return cases;
}

const LAB_ULN = { alt: 40, ast: 40, bilirubin_direct: 0.3, alk_phos: 120, creatinine: 1.2, tsh: 4.5 } as const;

function labCases(rule: LabRule): LeafCase[] {
  const reference = LAB_ULN[rule.lab];
  const put =
    (value: number, measuredAt = daysAgo(3), withReference = true): Fill =>
    (candidate) =>
      candidate.labs.push({
        code: rule.lab,
        value,
        uln: rule.reference === 'uln' && withReference ? reference : null,
        lln: rule.reference === 'lln' && withReference ? reference : reference / 10,
        measuredAt,
      });
  // Probe in the lab's own units around multiple × reference; on the threshold the ratio is exactly the multiple.
  const step = reference / 40;
  const cases: LeafCase[] = [-1, 0, 1].map((side) => {
    const value = Math.round((rule.value * reference + side * step) * 1e6) / 1e6;
    return {
      name: `${rule.lab} = ${value} (${rule.reference.toUpperCase()} ${reference})`,
      fill: put(value),
      expected: truth(compare(rule, rule.value + side * (step / reference))),
    };
  });
  cases.push({ name: `${rule.lab} missing`, fill: () => {}, expected: 'UNKNOWN' });
  cases.push({
    name: `${rule.lab} without its ${rule.reference.toUpperCase()}`,
    fill: put(rule.value * reference, daysAgo(3), false),
    expected: 'UNKNOWN',
  });
  if (rule.withinDays !== undefined)
    cases.push({
      name: `${rule.lab} stale`,
      fill: put(rule.value * reference, daysAgo(rule.withinDays + 1)),
      expected: 'UNKNOWN',
    });
  return cases;
}

function diagnosisCases(rule: DiagnosisRule): LeafCase[] {
  const record =
    (present: string | null, skip: string | null = null): Fill =>
    (candidate) => {
      for (const code of rule.anyOf)
        if (code !== skip) candidate.diagnoses.push({ code, isPresent: code === present, recordedAt: daysAgo(5) });
    };
  return [
    ...rule.anyOf.map((code) => ({ name: `${code} present`, fill: record(code), expected: 'MET' as const })),
    { name: `all of ${rule.anyOf.join(', ')} absent`, fill: record(null), expected: 'NOT_MET' },
    { name: `${rule.anyOf[0]} not recorded, the rest absent`, fill: record(null, rule.anyOf[0]), expected: 'UNKNOWN' },
    { name: 'nothing recorded', fill: () => {}, expected: 'UNKNOWN' },
  ];
}

function medicationCases(rule: MedicationRule): LeafCase[] {
  const cls = rule.anyOf[0];
  const med =
    (lastDoseAt: string | null, isCurrent: boolean, recordedAt = AS_OF, isNeverTaken = true): Fill =>
    (candidate) => {
      for (const code of rule.anyOf)
        candidate.medications.push(
          code === cls
            ? {
                class: code,
                lastDoseAt,
                isCurrent,
                isNeverTaken: isNeverTaken && !isCurrent && !lastDoseAt,
                recordedAt,
              }
            : { class: code, lastDoseAt: null, isCurrent: false, isNeverTaken: true, recordedAt },
        );
    };
  const w = rule.withinDays;
  return [
    { name: `${cls} taken now`, fill: med(daysAgo(1), true), expected: 'MET' },
    { name: `${cls} last dose ${w - 1} days ago`, fill: med(daysAgo(w - 1), false), expected: 'MET' },
    { name: `${cls} last dose exactly ${w} days ago`, fill: med(daysAgo(w), false), expected: 'MET' },
    { name: `${cls} last dose ${w + 1} days ago`, fill: med(daysAgo(w + 1), false), expected: 'NOT_MET' },
    { name: `${cls} never taken`, fill: med(null, false), expected: 'NOT_MET' },
    { name: `${cls} not taken now, last dose unknown`, fill: med(null, false, AS_OF, false), expected: 'UNKNOWN' },
    {
      name: `${cls} history recorded ${w + 1} days ago (stale)`,
      fill: med(null, false, daysAgo(w + 1)),
      expected: 'UNKNOWN',
    },
    { name: `${cls} history recorded exactly ${w} days ago`, fill: med(null, false, daysAgo(w)), expected: 'NOT_MET' },
    { name: `${cls} not recorded`, fill: () => {}, expected: 'UNKNOWN' },
  ];
}

function factCases(rule: FactRule): LeafCase[] {
  const put =
    (value: boolean, recordedAt = daysAgo(2)): Fill =>
    (candidate) =>
      candidate.facts.push({ code: rule.fact, value, recordedAt });
  const cases: LeafCase[] = [
    { name: `${rule.fact} = ${rule.equals}`, fill: put(rule.equals), expected: 'MET' },
    { name: `${rule.fact} = ${!rule.equals}`, fill: put(!rule.equals), expected: 'NOT_MET' },
    { name: `${rule.fact} missing`, fill: () => {}, expected: 'UNKNOWN' },
  ];
  if (rule.withinDays !== undefined)
    cases.push({
      name: `${rule.fact} stale`,
      fill: put(rule.equals, daysAgo(rule.withinDays + 1)),
      expected: 'UNKNOWN',
    });
  return cases;
}

function leafCases(leaf: LeafRule): LeafCase[] {
  switch (leaf.kind) {
    case 'number':
      return numberCases(leaf);
    case 'lab':
      return labCases(leaf);
    case 'diagnosis':
      return diagnosisCases(leaf);
    case 'medication':
      return medicationCases(leaf);
    case 'fact':
      return factCases(leaf);
    case 'sex':
      throw new Error('No seeded criterion uses sex; add cases when one does');
  }
}

/** Data that makes `rule` evaluate to `value` (used to hold the other leaves of a group neutral). */
function satisfy(rule: RuleNode, value: boolean): Fill {
  switch (rule.kind) {
    case 'all':
      return (candidate) => rule.rules.forEach((child, index) => satisfy(child, value || index > 0)(candidate));
    case 'any':
      return (candidate) => rule.rules.forEach((child, index) => satisfy(child, value && index === 0)(candidate));
    case 'number': {
      const hit = probeValues(rule, rule.measure === 'age_years' ? 1 : NUMERIC_MEASURES[rule.measure].step).find(
        (x) => compare(rule, x) === value,
      );
      if (hit === undefined) throw new Error(`No value makes ${JSON.stringify(rule)} ${value}`);
      return setNumber(rule.measure, hit);
    }
    case 'lab': {
      const reference = LAB_ULN[rule.lab];
      const multiple = [rule.value / 2, rule.value, rule.value * 1.5, (rule.max ?? rule.value) * 1.5].find(
        (m) => compare(rule, m) === value,
      );
      if (multiple === undefined) throw new Error(`No value makes ${JSON.stringify(rule)} ${value}`);
      return (candidate) =>
        candidate.labs.push({
          code: rule.lab,
          value: multiple * reference,
          uln: reference,
          lln: reference / 10,
          measuredAt: daysAgo(3),
        });
    }
    case 'diagnosis':
      return (candidate) =>
        rule.anyOf.forEach((code, index) =>
          candidate.diagnoses.push({ code, isPresent: value && index === 0, recordedAt: daysAgo(5) }),
        );
    case 'medication':
      return (candidate) =>
        rule.anyOf.forEach((code, index) =>
          candidate.medications.push({
            class: code,
            lastDoseAt: value && index === 0 ? daysAgo(1) : null,
            isCurrent: value && index === 0,
            isNeverTaken: !(value && index === 0),
            recordedAt: AS_OF,
          }),
        );
    case 'fact':
      return (candidate) =>
        candidate.facts.push({ code: rule.fact, value: value ? rule.equals : !rule.equals, recordedAt: daysAgo(2) });
    case 'sex':
      return (candidate) =>
        (candidate.sex = value
          ? rule.anyOf[0]
          : (['female', 'male', 'other'] as const).find((sex) => !rule.anyOf.includes(sex))!);
  }
}

/** Every leaf with the fills that hold its siblings (at every level) neutral. */
function leavesWithContext(rule: RuleNode, context: Fill[] = []): Array<{ leaf: LeafRule; context: Fill[] }> {
  if (rule.kind !== 'all' && rule.kind !== 'any') return [{ leaf: rule, context }];
  return rule.rules.flatMap((child, index) => {
    const siblings = rule.rules
      .filter((_, other) => other !== index)
      .map((sibling) => satisfy(sibling, rule.kind === 'all'));
    return leavesWithContext(child, [...context, ...siblings]);
  });
}

function evaluate(criterion: EligibilityCriterion, candidate: EligibilityCandidate) {
  return evaluateCriteria({ criteria: [criterion], candidate, asOf: AS_OF })[0];
}

for (const trial of TRIALS) {
  const structured = trial.criteria.filter((criterion) => criterion.rule !== null);

  describe(`${trial.nctId}: every structured criterion, generated from its thresholds`, () => {
    it('has structured criteria to test', () => {
      expect(structured.length).toBeGreaterThan(3);
    });

    structured.forEach((draft, position) => {
      const criterion: EligibilityCriterion = {
        id: `${trial.nctId}-${position}`,
        kind: draft.kind,
        text: draft.text,
        rule: draft.rule,
      };
      const label = `${draft.kind.toLowerCase()} “${draft.text.slice(0, 60)}${draft.text.length > 60 ? '…' : ''}”`;
      for (const { leaf, context } of leavesWithContext(draft.rule!)) {
        for (const testCase of leafCases(leaf)) {
          it(`${label}: ${testCase.name} → ${testCase.expected}`, () => {
            const candidate = emptyCandidate();
            for (const fill of context) fill(candidate);
            testCase.fill(candidate);
            const result = evaluate(criterion, candidate);
            expect(result.result).toBe(testCase.expected);
            expect(result.explanation.length).toBeGreaterThan(0);
            if (testCase.expected === 'UNKNOWN') expect(result.missing.length).toBeGreaterThan(0);
            else expect(result.missing).toEqual([]);
          });
        }
      }
    });
  });
}

describe('key criteria, by hand', () => {
  const find = (nctId: string, startsWith: string): EligibilityCriterion => {
    const trial = TRIALS.find((t) => t.nctId === nctId)!;
    const draft = trial.criteria.find((c) => c.text.startsWith(startsWith));
    if (!draft) throw new Error(`No criterion "${startsWith}" in ${nctId}`);
    return { id: startsWith, kind: draft.kind, text: draft.text, rule: draft.rule };
  };
  const age = find('NCT06668571', 'Age 18 Years to 65 Years');
  const phq9 = find('NCT06668571', 'PHQ-9 total score');
  const bmi = find('NCT06668571', 'Patients with a BMI > 40');
  const htnMayo = find('NCT06668571', 'Poorly controlled hypertension');
  const htnVa = find('NCT06419439', 'Current uncontrolled hypertension');
  const withDob = (dateOfBirth: string) => ({ ...emptyCandidate(), dateOfBirth });
  const withNumbers = (...entries: Array<[NumberRule['measure'], number, string?]>) => ({
    ...emptyCandidate(),
    measurements: entries.map(([code, value, measuredAt]) => ({ code, value, measuredAt: measuredAt ?? '2026-11-02' })),
  });

  it('age 18–65 is counted on the day of the check, birthday included', () => {
    expect(evaluate(age, withDob('2008-11-24')).result).toBe('NOT_MET'); // turns 18 tomorrow
    const eighteenToday = evaluate(age, withDob('2008-11-23'));
    expect(eighteenToday.result).toBe('MET');
    expect(eighteenToday.explanation).toBe('Age 18 on 2026-11-23; needs 18–65');
    expect(evaluate(age, withDob('1960-11-24')).result).toBe('MET'); // 65, turns 66 tomorrow
    expect(evaluate(age, withDob('1960-11-23')).result).toBe('NOT_MET'); // 66 today
    expect(evaluate(age, withDob('')).result).toBe('UNKNOWN');
  });

  it('PHQ-9 ≥ 15: 14 is not met, 15 is', () => {
    const fourteen = evaluate(phq9, withNumbers(['phq9_total', 14]));
    expect(fourteen).toMatchObject({ result: 'NOT_MET', explanation: 'PHQ-9 = 14 on 2026-11-02; needs ≥ 15' });
    expect(evaluate(phq9, withNumbers(['phq9_total', 15])).result).toBe('MET');
    expect(evaluate(phq9, withNumbers()).result).toBe('UNKNOWN');
  });

  it('BMI > 40 excludes at 40.1, not at 40.0 — entered or computed from weight and height', () => {
    expect(evaluate(bmi, withNumbers(['bmi', 40]))).toMatchObject({
      result: 'NOT_MET',
      explanation: 'BMI = 40.0 on 2026-11-02; excluded if > 40',
    });
    expect(evaluate(bmi, withNumbers(['bmi', 40.1]))).toMatchObject({
      result: 'MET',
      explanation: 'BMI = 40.1 on 2026-11-02; excluded if > 40',
    });
    // 115.6 kg at 170 cm = 40.00 → 40.0; 115.9 kg = 40.10 → 40.1.
    expect(evaluate(bmi, withNumbers(['weight_kg', 115.6], ['height_cm', 170])).result).toBe('NOT_MET');
    expect(evaluate(bmi, withNumbers(['weight_kg', 115.9], ['height_cm', 170])).result).toBe('MET');
    expect(evaluate(bmi, withNumbers(['weight_kg', 115.9])).result).toBe('UNKNOWN');
  });

  it('NCT06668571 "Poorly controlled hypertension." (no numbers on its page) is a clinician\'s call: 165/90 and 158/99 alike', () => {
    expect(htnMayo.rule).toBeNull();
    expect(evaluate(htnMayo, withNumbers(['sbp', 165], ['dbp', 90])).result).toBe('NEEDS_REVIEW');
    expect(evaluate(htnMayo, withNumbers(['sbp', 158], ['dbp', 99])).result).toBe('NEEDS_REVIEW');
  });

  for (const [name, criterion] of [['NCT06419439', htnVa]] as const) {
    it(`${name} hypertension: SBP 160 / DBP 100 are not excluded, 161 / 101 are`, () => {
      expect(evaluate(criterion, withNumbers(['sbp', 160], ['dbp', 100])).result).toBe('NOT_MET');
      expect(evaluate(criterion, withNumbers(['sbp', 161], ['dbp', 100])).result).toBe('MET');
      expect(evaluate(criterion, withNumbers(['sbp', 160], ['dbp', 101])).result).toBe('MET');
      // One reading above the line excludes even when the other is missing; a normal one alone cannot clear it.
      expect(evaluate(criterion, withNumbers(['sbp', 161])).result).toBe('MET');
      expect(evaluate(criterion, withNumbers(['sbp', 120])).result).toBe('UNKNOWN');
    });
  }
});
