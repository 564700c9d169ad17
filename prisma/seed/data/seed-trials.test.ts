import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NumericMeasureCode } from '@/lib/measures/vocabulary';
import { NCT06419439_DOSING, NCT06668571_DOSING, dosingProtocolSchema } from '@/lib/validations/dosing';
import { ruleNodeSchema, type RuleNode } from '@/lib/validations/eligibility';
import { trialDraftSchema, type TrialDraft } from '@/lib/validations/trials';
import { blockingDoseAssumptions } from '@/lib/provenance/dose-assumptions';
import { newProvenance } from '@/lib/provenance/merge-provenance';
import { QUOTE_JOIN, exclusion, inclusion } from './build-criterion';
import { SEED_TRIALS, SEED_TRIAL_SOURCE_FILES, VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE } from './seed-trials';

function parseTrial(index: number): TrialDraft {
  const result = trialDraftSchema.safeParse(SEED_TRIALS[index]);
  if (!result.success)
    throw new Error(`Seed trial ${index} does not parse: ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}

const TRIALS = SEED_TRIALS.map((_, index) => parseTrial(index));
const [VA_CLBP, MAYO_TRD, MAYO_NEURALGIA, KAP] = TRIALS;
const REGISTRY_TRIALS = [VA_CLBP, MAYO_TRD, MAYO_NEURALGIA];

// Minimal reading of number/any/all rules, enough to pin each required threshold's side; the real engine
// lives in lib/eligibility and is tested there.
type Values = Partial<Record<NumericMeasureCode, number>>;
function isRuleTrue(rule: RuleNode, values: Values): boolean {
  if (rule.kind === 'number') {
    const x = values[rule.measure];
    if (x === undefined) throw new Error(`No value for ${rule.measure}`);
    if (rule.op === 'between') return x >= rule.value && x <= (rule.max ?? rule.value);
    return { lt: x < rule.value, lte: x <= rule.value, gt: x > rule.value, gte: x >= rule.value, eq: x === rule.value }[
      rule.op
    ];
  }
  if (rule.kind === 'any') return rule.rules.some((child) => isRuleTrue(child, values));
  if (rule.kind === 'all') return rule.rules.every((child) => isRuleTrue(child, values));
  throw new Error(`Unsupported rule kind ${rule.kind}`);
}

function collectRules(trial: TrialDraft): RuleNode[] {
  return trial.criteria
    .flatMap((criterion) => [criterion.rule, criterion.suggestedRule])
    .filter((rule): rule is RuleNode => rule !== null);
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

describe('SEED_TRIALS', () => {
  it('holds the four trials from the public pages, each parsing with trialDraftSchema', () => {
    expect(TRIALS).toHaveLength(4);
    expect(TRIALS.map((trial) => trial.nctId)).toEqual(['NCT06419439', 'NCT06668571', null, null]);
    expect(MAYO_NEURALGIA.protocolNumber).toBe('MAYO-KETNEU');
    expect(KAP.protocolNumber).toBe('KAP-PILOT');
  });

  it('has the arm counts the pages state (3, 2, 2, 2) with unique labels', () => {
    expect(TRIALS.map((trial) => trial.arms.length)).toEqual([3, 2, 2, 2]);
    for (const trial of TRIALS) {
      const labels = trial.arms.map((arm) => arm.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('links every intervention to arms that exist', () => {
    for (const trial of TRIALS) {
      const labels = new Set(trial.arms.map((arm) => arm.label));
      for (const intervention of trial.interventions) {
        expect(intervention.armLabels.length).toBeGreaterThan(0);
        for (const label of intervention.armLabels)
          expect(labels, `${trial.title}: ${intervention.name}`).toContain(label);
      }
    }
  });

  it('records the facts stated on the pages', () => {
    expect(VA_CLBP).toMatchObject({
      phases: ['PHASE2'],
      overallStatus: 'RECRUITING',
      targetEnrollment: 44,
      leadSponsor: 'VA Office of Research and Development',
    });
    expect(MAYO_TRD).toMatchObject({
      phases: ['PHASE2'],
      allocation: 'RANDOMIZED',
      masking: 'TRIPLE',
      targetEnrollment: 30,
      startDate: '2025-02-10',
      completionDate: '2027-12-31',
      principalInvestigator: 'Balwinder Singh, M.D., M.S.',
    });
    expect(MAYO_NEURALGIA).toMatchObject({
      phases: ['PHASE4'],
      targetEnrollment: 100,
      leadSponsor: 'Mayo Clinic',
      principalInvestigator: 'Alexander Shin, MD',
    });
  });

  it('gives the VA chronic-pain coverage note to the VA trial only', () => {
    expect(VA_CLBP.coverageNote).toBe(VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE);
    expect(MAYO_NEURALGIA.coverageNote).toBeNull();
    expect(MAYO_TRD.coverageNote).toBeNull();
    expect(KAP.coverageNote).toBeNull();
    expect(VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE).toMatch(/investigational/);
    expect(VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE).toMatch(/not medically necessary/);
  });
});

describe('seed criteria', () => {
  it('are non-empty, trimmed, unique within a trial and free of page markup', () => {
    for (const trial of TRIALS) {
      const seen = new Set<string>();
      for (const { text } of trial.criteria) {
        expect(text.trim()).toBe(text);
        expect(text.split(' ').length, text).toBeGreaterThanOrEqual(3);
        expect(text, 'heading text').not.toMatch(/^(inclusion|exclusion) criteria\b/i);
        expect(text, 'bullet marker').not.toMatch(/^[*•-]/);
        expect(text, 'markdown escape').not.toMatch(/\\[<>]/);
        expect(seen.has(normalize(text)), `duplicate: ${text}`).toBe(false);
        seen.add(normalize(text));
      }
    }
  });

  it('state a rule or clinician judgment explicitly for every criterion', () => {
    for (const trial of SEED_TRIALS)
      for (const criterion of trial.criteria ?? []) expect(criterion).toHaveProperty('rule');
  });

  it('has both inclusion and exclusion items in every registry trial (the KAP article states no exclusions)', () => {
    expect(KAP.criteria.every((c) => c.kind === 'INCLUSION')).toBe(true);
    for (const trial of REGISTRY_TRIALS) {
      expect(trial.criteria.some((c) => c.kind === 'INCLUSION')).toBe(true);
      expect(trial.criteria.some((c) => c.kind === 'EXCLUSION')).toBe(true);
    }
  });

  it('every rule parses with ruleNodeSchema', () => {
    const rules = TRIALS.flatMap(collectRules);
    expect(rules.length).toBeGreaterThan(15);
    for (const rule of rules) expect(ruleNodeSchema.safeParse(rule).success, JSON.stringify(rule)).toBe(true);
  });

  it('the helpers set the kind and leave no unconfirmed suggestion', () => {
    const rule: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 };
    expect(inclusion('Some criterion text', null)).toEqual({
      kind: 'INCLUSION',
      text: 'Some criterion text',
      rule: null,
      suggestedRule: null,
      provenance: { quote: 'Some criterion text', assumptions: [] },
    });
    expect(exclusion('Some criterion text', rule, { quote: 'Page wording', assumedRule: 'Not stated' })).toEqual({
      kind: 'EXCLUSION',
      text: 'Some criterion text',
      rule,
      suggestedRule: null,
      provenance: { quote: 'Page wording', assumptions: [{ field: 'rule', note: 'Not stated' }] },
    });
  });
});

describe('NCT06668571 required rules', () => {
  const AGE: RuleNode = { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 };
  const PHQ9: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };
  const BMI: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 };
  const HYPERTENSION: RuleNode = {
    kind: 'any',
    rules: [
      { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
      { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
    ],
  };

  function findRule(kind: 'INCLUSION' | 'EXCLUSION', expected: RuleNode): RuleNode {
    const matches = MAYO_TRD.criteria.filter(
      (c) => c.kind === kind && JSON.stringify(c.rule) === JSON.stringify(expected),
    );
    expect(matches).toHaveLength(1);
    return matches[0].rule as RuleNode;
  }

  it('includes age 18-65 inclusive on both ends', () => {
    const rule = findRule('INCLUSION', AGE);
    expect([17, 18, 65, 66].map((age_years) => isRuleTrue(rule, { age_years }))).toEqual([false, true, true, false]);
  });

  it('includes PHQ-9 of 15 and above', () => {
    const rule = findRule('INCLUSION', PHQ9);
    expect([14, 15, 27].map((phq9_total) => isRuleTrue(rule, { phq9_total }))).toEqual([false, true, true]);
  });

  it('excludes BMI above 40, not at 40.0', () => {
    const rule = findRule('EXCLUSION', BMI);
    expect([40, 40.1].map((bmi) => isRuleTrue(rule, { bmi }))).toEqual([false, true]);
  });

  it('excludes SBP above 160 or DBP above 100, not at the thresholds', () => {
    const rule = findRule('EXCLUSION', HYPERTENSION);
    expect(isRuleTrue(rule, { sbp: 160, dbp: 100 })).toBe(false);
    expect(isRuleTrue(rule, { sbp: 161, dbp: 80 })).toBe(true);
    expect(isRuleTrue(rule, { sbp: 120, dbp: 101 })).toBe(true);
  });

  it('uses two-week medication windows for the prohibited classes', () => {
    const windows = MAYO_TRD.criteria.flatMap((c) =>
      c.rule?.kind === 'medication' ? [[c.kind, c.rule.anyOf, c.rule.withinDays]] : [],
    );
    expect(windows).toEqual([
      ['EXCLUSION', ['glutamate_gaba_modulator'], 14],
      ['EXCLUSION', ['maoi'], 14],
      ['EXCLUSION', ['opioid_antagonist'], 14],
      ['EXCLUSION', ['cyp3a4_inducer'], 14],
    ]);
  });
});

describe('NCT06419439 rules', () => {
  it('requires NRS ≥ 4, PROMIS-PI T ≥ 60 and QIDS-SR ≥ 11 together', () => {
    const rule = VA_CLBP.criteria[0].rule;
    expect(VA_CLBP.criteria[0].kind).toBe('INCLUSION');
    if (rule?.kind !== 'all') throw new Error('Expected an all-rule on the first inclusion criterion');
    const numbers = rule.rules.filter((child) => child.kind === 'number');
    const atThreshold = { nrs_pain: 4, promis_pi_t: 60, qids_sr_total: 11 };
    expect(isRuleTrue({ kind: 'all', rules: numbers }, atThreshold)).toBe(true);
    expect(isRuleTrue({ kind: 'all', rules: numbers }, { ...atThreshold, nrs_pain: 3 })).toBe(false);
    expect(isRuleTrue({ kind: 'all', rules: numbers }, { ...atThreshold, promis_pi_t: 59.9 })).toBe(false);
    expect(isRuleTrue({ kind: 'all', rules: numbers }, { ...atThreshold, qids_sr_total: 10 })).toBe(false);
    expect(rule.rules).toContainEqual({ kind: 'fact', fact: 'veteran', equals: true, withinDays: 3650 });
  });

  it('excludes labs above 2 × ULN for the five listed analytes', () => {
    const labs = VA_CLBP.criteria.flatMap((c) =>
      c.rule?.kind === 'any' ? c.rule.rules.filter((r) => r.kind === 'lab') : [],
    );
    expect(labs.map((r) => r.kind === 'lab' && [r.lab, r.reference, r.op, r.value])).toEqual([
      ['alt', 'uln', 'gt', 2],
      ['ast', 'uln', 'gt', 2],
      ['bilirubin_direct', 'uln', 'gt', 2],
      ['alk_phos', 'uln', 'gt', 2],
      ['creatinine', 'uln', 'gt', 2],
    ]);
  });
});

describe('seed dosing', () => {
  it('gives every arm but a no-intervention one a dosing protocol that parses with dosingProtocolSchema', () => {
    for (const trial of TRIALS) {
      for (const arm of trial.arms) {
        if (arm.type === 'NO_INTERVENTION') {
          expect(arm.dosing, `${trial.title}: ${arm.label}`).toBeNull();
          continue;
        }
        expect(arm.dosing, `${trial.title}: ${arm.label}`).not.toBeNull();
        expect(dosingProtocolSchema.safeParse(arm.dosing).success, `${trial.title}: ${arm.label}`).toBe(true);
      }
    }
  });

  it('doses all three NCT06419439 arms with four twice-weekly 0.5 mg/kg infusions, no cap', () => {
    for (const arm of VA_CLBP.arms) expect(arm.dosing).toEqual(NCT06419439_DOSING);
    expect(NCT06419439_DOSING).toMatchObject({
      mgPerKg: 0.5,
      weightBasis: 'ACTUAL',
      maxMgPerSession: null,
      sessionCount: 4,
      sessionsPerWeek: 2,
    });
  });

  it('gives NCT06668571 ketamine 0.5 mg/kg capped at 50 mg and a blinded placebo on the same schedule', () => {
    const [ketamine, placebo] = MAYO_TRD.arms;
    expect(ketamine.dosing).toEqual(NCT06668571_DOSING);
    expect(placebo.type).toBe('PLACEBO_COMPARATOR');
    expect(placebo.dosing).toMatchObject({
      doseMode: 'PLACEBO',
      mgPerKg: null,
      fixedMg: null,
      infusionMinutes: 40,
      sessionCount: 1,
      maxMgPerSession: 50,
    });
    expect(placebo.dosing?.extension).toEqual(NCT06668571_DOSING.extension);
    expect(placebo.dosing?.extension).toMatchObject({
      isOptional: true,
      isOpenLabel: true,
      minDaysAfterLastSession: 1,
      maxDaysAfterLastSession: 7,
      mgPerKg: 0.5,
    });
  });

  it('gives the neuralgia trial no dose until an admin confirms one, and a standard-of-care arm with no intervention', () => {
    const [ketamine, standardOfCare] = MAYO_NEURALGIA.arms;
    expect(ketamine.dosing).toMatchObject({ doseMode: 'WEIGHT_BASED', sessionCount: 1 });
    const blocking = blockingDoseAssumptions({
      provenance: newProvenance(ketamine.dosingProvenance),
      protocol: ketamine.dosing!,
      sessionNumber: 1,
    });
    expect(blocking.map((a) => a.field).sort()).toEqual(
      ['doseMode', 'maxMgPerSession', 'mgPerKg', 'route', 'weightBasis'].sort(),
    );
    expect(standardOfCare).toMatchObject({ label: 'Standard of Care Group', type: 'NO_INTERVENTION', dosing: null });
    expect(MAYO_NEURALGIA.interventions.flatMap((item) => item.armLabels)).not.toContain('Standard of Care Group');
  });

  it('books the neuralgia infusion as a 24 h perioperative session without a chair, quoting the page', () => {
    const [ketamine] = MAYO_NEURALGIA.arms;
    expect(ketamine.dosing).toMatchObject({ sessionKind: 'PERIOPERATIVE', sessionDurationMinutes: 24 * 60 });
    // Quoted, not assumed: the page's Timeline states both the setting and the 24 hours.
    expect(ketamine.dosingProvenance?.quote).toContain('during surgery and in the 24-hour postoperative period');
    const assumedFields = (ketamine.dosingProvenance?.assumptions ?? []).map((a) => a.field);
    expect(assumedFields).not.toContain('sessionKind');
    expect(assumedFields).not.toContain('sessionDurationMinutes');
    // Every other seeded arm infuses in a chair.
    const others = TRIALS.flatMap((trial) => trial.arms).filter((arm) => arm !== ketamine && arm.dosing);
    for (const arm of others) expect(arm.dosing?.sessionKind).toBe('CHAIR');
  });

  it('gives every placebo-comparator arm a PLACEBO dose mode', () => {
    const placeboArms = TRIALS.flatMap((trial) => trial.arms.filter((arm) => arm.type === 'PLACEBO_COMPARATOR'));
    expect(placeboArms.length).toBeGreaterThan(0);
    for (const arm of placeboArms) expect(arm.dosing?.doseMode).toBe('PLACEBO');
  });
});

describe('seed assessment plans', () => {
  it('only schedule after-session assessments for sessions that exist', () => {
    for (const trial of TRIALS) {
      const maxSessions = Math.max(...trial.arms.map((arm) => arm.dosing?.sessionCount ?? 0));
      for (const item of trial.assessmentPlan) {
        if (item.timepoint.kind === 'AFTER_SESSION') expect(item.timepoint.session).toBeLessThanOrEqual(maxSessions);
      }
    }
  });

  it('track PHQ-9 at baseline, after the infusion and after the last session in NCT06668571', () => {
    const phq9Kinds = MAYO_TRD.assessmentPlan
      .filter((item) => item.instrument === 'PHQ9')
      .map((item) => item.timepoint.kind);
    expect(phq9Kinds).toEqual(['BASELINE', 'AFTER_SESSION', 'DAYS_AFTER_LAST_SESSION']);
  });

  it('track pain with NRS at baseline and follow-up in both pain trials', () => {
    for (const trial of [VA_CLBP, MAYO_NEURALGIA]) {
      const nrsKinds = new Set(
        trial.assessmentPlan.filter((item) => item.instrument === 'NRS').map((item) => item.timepoint.kind),
      );
      expect(nrsKinds.has('BASELINE')).toBe(true);
      expect(nrsKinds.has('DAYS_AFTER_LAST_SESSION')).toBe(true);
    }
  });

  it('never lists the same instrument twice at the same timepoint', () => {
    for (const trial of TRIALS) {
      const keys = trial.assessmentPlan.map((item) => `${item.instrument}:${JSON.stringify(item.timepoint)}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

// ---------------------------------------------------------------- provenance

/** The page as text, with its markdown escapes ("\>", "\'") and line breaks out of the way. */
function plain(text: string): string {
  return text
    .replace(/\\([<>'])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const PAGES = SEED_TRIAL_SOURCE_FILES.map((file) =>
  plain(readFileSync(path.join(import.meta.dirname, 'sources', file), 'utf8')),
);

/** Every quoted passage of a trial, with what it is the quote of. */
function quotesOf(trial: TrialDraft): Array<{ what: string; quote: string }> {
  const all = [
    ...trial.criteria.map((c) => ({ what: `criterion "${c.text}"`, provenance: c.provenance })),
    ...trial.arms.map((arm) => ({ what: `dosing of ${arm.label}`, provenance: arm.dosingProvenance })),
    ...trial.assessmentPlan.map((item) => ({
      what: `plan ${item.instrument} ${JSON.stringify(item.timepoint)}`,
      provenance: item.provenance,
    })),
  ];
  return all.flatMap(({ what, provenance }) =>
    (provenance?.quote ?? '').split(QUOTE_JOIN).flatMap((quote) => (quote ? [{ what, quote }] : [])),
  );
}

const assumedFields = (provenance: { assumptions: Array<{ field: string }> } | null) =>
  (provenance?.assumptions ?? []).map((assumption) => assumption.field);

describe('seed provenance', () => {
  it('cites a source page for every trial', () => {
    expect(SEED_TRIAL_SOURCE_FILES).toHaveLength(SEED_TRIALS.length);
    for (const page of PAGES) expect(page.length).toBeGreaterThan(1000);
  });

  it('finds every quoted value verbatim in the page its trial cites', () => {
    TRIALS.forEach((trial, index) => {
      const quotes = quotesOf(trial);
      expect(quotes.length).toBeGreaterThan(trial.criteria.length - 1);
      for (const { what, quote } of quotes) expect(PAGES[index], `${trial.title}: ${what}`).toContain(plain(quote));
    });
  });

  it('gives every criterion, dosed arm and plan item a quote or an assumption', () => {
    for (const trial of TRIALS) {
      for (const c of trial.criteria) expect(c.provenance, c.text).not.toBeNull();
      for (const arm of trial.arms.filter((a) => a.dosing !== null))
        expect(arm.dosingProvenance, arm.label).not.toBeNull();
      for (const item of trial.assessmentPlan) expect(item.provenance, item.instrument).not.toBeNull();
    }
  });

  it('marks every seeded assessment plan as the clinic’s: no page states a schedule window', () => {
    for (const trial of TRIALS)
      for (const item of trial.assessmentPlan) expect(assumedFields(item.provenance)).toContain('window');
    const invented = [VA_CLBP, MAYO_TRD, MAYO_NEURALGIA].flatMap((trial) => trial.assessmentPlan);
    for (const item of invented) expect(assumedFields(item.provenance)).toContain('timepoint');
  });

  it('restores the "≥" signs NCT06419439’s page lost, in the text shown only', () => {
    const [pain, stable] = VA_CLBP.criteria;
    for (const shown of ['≥ 4/10', 'T-score ≥ 60', 'a score ≥ 11']) expect(pain.text).toContain(shown);
    expect(stable.text).toContain('≥ 3 days');
    expect(pain.provenance?.quote).toContain('defined as 4/10 in severity');
    expect(stable.provenance?.quote).toBe('Medically stable (no hospitalizations in the past month lasting 3 days).');
  });

  it('treats NCT06419439’s weight basis as an assumption that blocks its dose', () => {
    for (const arm of VA_CLBP.arms) {
      expect(assumedFields(arm.dosingProvenance)).toEqual(
        expect.arrayContaining(['weightBasis', 'minHoursBetweenSessions', 'maxDaysBetweenSessions']),
      );
      const blocking = blockingDoseAssumptions({
        provenance: newProvenance(arm.dosingProvenance),
        protocol: arm.dosing!,
        sessionNumber: 1,
      });
      expect(blocking.map((a) => a.field)).toEqual(['weightBasis']);
    }
  });

  it('doses NCT06668571’s blinded infusion from the page and blocks only the open-label extension, alike in both arms', () => {
    for (const arm of MAYO_TRD.arms) {
      const provenance = newProvenance(arm.dosingProvenance);
      const blocked = (sessionNumber: number) =>
        blockingDoseAssumptions({ provenance, protocol: arm.dosing!, sessionNumber }).map((a) => a.field);
      expect(blocked(1), arm.label).toEqual([]);
      expect(blocked(2), arm.label).toEqual(['extension.mgPerKg']);
    }
    // In a masked trial a block that differs between arms would tell blinded staff the arm.
    const [ketamine, placebo] = MAYO_TRD.arms.map((arm) => assumedFields(arm.dosingProvenance).sort());
    expect(ketamine).toEqual(placebo);
  });

  it('leaves "Poorly controlled hypertension." (no numbers on the page) as an assumed rule', () => {
    const htn = MAYO_TRD.criteria.find((c) => c.text === 'Poorly controlled hypertension.')!;
    expect(assumedFields(htn.provenance)).toEqual(['rule']);
  });

  it('words every exclusion as what excludes: none says "I do not"', () => {
    for (const trial of TRIALS)
      for (const c of trial.criteria.filter((c) => c.kind === 'EXCLUSION')) expect(c.text).not.toMatch(/^I do not/);
    const texts = MAYO_NEURALGIA.criteria.map((c) => c.text);
    expect(texts).toContain('Severe liver disease, heart disease or uncontrolled schizophrenia');
  });
});

describe('KAP pilot (seed 004)', () => {
  it('has an intramuscular and an oral-lozenge arm of six escalating sessions', () => {
    const routes = KAP.arms.map((arm) => [arm.dosing?.route, arm.dosing?.sessionCount, arm.dosing?.doseSteps.length]);
    expect(routes).toEqual([
      ['IM', 6, 6],
      ['PO', 6, 6],
    ]);
  });

  it('blocks every session’s dose: the article states none', () => {
    for (const arm of KAP.arms) {
      const provenance = newProvenance(arm.dosingProvenance);
      for (const sessionNumber of [1, 2, 3, 4, 5, 6]) {
        const blocking = blockingDoseAssumptions({ provenance, protocol: arm.dosing!, sessionNumber });
        expect(blocking.map((a) => a.field)).toContain('doseSteps');
      }
    }
  });

  it('plans BDI-II (an assumption: the article says "BDI"), BPI-SF, GAD-7 and PCL-5 after sessions 1, 3 and 6', () => {
    const planned = KAP.assessmentPlan.map((item) => `${item.instrument}@${JSON.stringify(item.timepoint)}`);
    for (const instrument of ['BDI_II', 'BPI_SF', 'GAD7', 'PCL5'])
      for (const session of [1, 3, 6])
        expect(planned).toContain(`${instrument}@${JSON.stringify({ kind: 'AFTER_SESSION', session })}`);
    const bdi = KAP.assessmentPlan.find((item) => item.instrument === 'BDI_II')!;
    expect(assumedFields(bdi.provenance)).toContain('instrument');
    const bpi = KAP.assessmentPlan.find((item) => item.instrument === 'BPI_SF')!;
    expect(assumedFields(bpi.provenance)).toEqual(['window']);
  });
});
