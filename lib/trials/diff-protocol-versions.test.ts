import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@/lib/validations/eligibility';
import { diffProtocolVersions, type VersionContent } from './diff-protocol-versions';

// Worked examples of comparing two protocol versions, with an amendment shaped like a real one:
// a reworded age criterion (NCT06668571 style "18 to 65"), a new exclusion, a longer infusion.

const age = (max: number): RuleNode => ({ kind: 'number', measure: 'age_years', op: 'between', value: 18, max });
const phq9: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };

const ACTIVE = {
  drug: 'Ketamine',
  doseMode: 'WEIGHT_BASED',
  mgPerKg: 0.5,
  maxMgPerSession: 50,
  infusionMinutes: 40,
  sessionCount: 6,
};
const PLACEBO = {
  drug: 'Saline',
  doseMode: 'PLACEBO',
  mgPerKg: null,
  maxMgPerSession: null,
  infusionMinutes: 40,
  sessionCount: 6,
};

const v1: VersionContent = {
  criteria: [
    { kind: 'INCLUSION', position: 0, text: 'Age 18 to 65', rule: age(65) },
    { kind: 'INCLUSION', position: 1, text: 'PHQ-9 of 15 or more', rule: phq9 },
    { kind: 'EXCLUSION', position: 2, text: 'Current psychosis', rule: null },
  ],
  dosing: [
    { armLabel: 'Ketamine', protocol: ACTIVE },
    { armLabel: 'Saline', protocol: PLACEBO },
  ],
  assessmentPlan: [
    { instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 30, windowAfterDays: 0 },
    { instrument: 'PHQ9', timepoint: 'AFTER_SESSION_6', windowBeforeDays: 0, windowAfterDays: 2 },
  ],
};

const v2: VersionContent = {
  criteria: [
    { kind: 'INCLUSION', position: 0, text: 'Veteran', rule: null },
    { kind: 'INCLUSION', position: 1, text: 'Age 18 to 70', rule: age(70) },
    { kind: 'INCLUSION', position: 2, text: 'PHQ-9 of 15 or more', rule: null },
  ],
  dosing: [
    { armLabel: 'Ketamine', protocol: { ...ACTIVE, infusionMinutes: 60, maxMgPerSession: 60 } },
    { armLabel: 'Saline', protocol: { ...PLACEBO, infusionMinutes: 60 } },
  ],
  assessmentPlan: [
    { instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 14, windowAfterDays: 0 },
    { instrument: 'GAD7', timepoint: 'BASELINE', windowBeforeDays: 14, windowAfterDays: 0 },
  ],
};

describe('diffProtocolVersions: criteria', () => {
  const { criteria } = diffProtocolVersions({ before: v1, after: v2, canSeeArmDosing: true });

  it('pairs an unchanged wording across a shifted position and reports only its rule change', () => {
    expect(criteria).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        numberBefore: 2,
        numberAfter: 3,
        isTextChanged: false,
        isRuleChanged: true,
        ruleBefore: 'PHQ-9 total ≥ 15',
        ruleAfter: 'Clinician judgment',
      }),
    );
  });

  it('treats a reworded criterion of the same kind at the same place as an edit, text and rule', () => {
    expect(criteria).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        textBefore: 'Age 18 to 65',
        textAfter: 'Veteran',
        ruleBefore: 'Age 18–65 years',
        ruleAfter: 'Clinician judgment',
      }),
    );
  });

  it('lists criteria added and removed, inclusions first', () => {
    expect(criteria.map((c) => [c.change, c.kind, c.textBefore ?? c.textAfter])).toEqual([
      ['changed', 'INCLUSION', 'Age 18 to 65'],
      ['added', 'INCLUSION', 'Age 18 to 70'],
      ['changed', 'INCLUSION', 'PHQ-9 of 15 or more'],
      ['removed', 'EXCLUSION', 'Current psychosis'],
    ]);
  });

  it('finds nothing between a version and itself', () => {
    expect(diffProtocolVersions({ before: v1, after: v1, canSeeArmDosing: false })).toEqual({
      criteria: [],
      arms: [],
      assessmentPlan: [],
      isArmDosingWithheld: false,
    });
  });
});

describe('diffProtocolVersions: dosing and schedule', () => {
  it('[unblinded] shows each arm: the cap raised in the active arm only, the infusion longer in both', () => {
    const { arms, isArmDosingWithheld } = diffProtocolVersions({ before: v1, after: v2, canSeeArmDosing: true });
    expect(isArmDosingWithheld).toBe(false);
    expect(arms).toEqual([
      {
        armLabel: 'Ketamine',
        change: 'changed',
        dosing: [
          { field: 'maxMgPerSession', label: 'Cap per session (mg)', before: '50', after: '60' },
          { field: 'infusionMinutes', label: 'Infusion (minutes)', before: '40', after: '60' },
        ],
        schedule: [],
      },
      {
        armLabel: 'Saline',
        change: 'changed',
        dosing: [{ field: 'infusionMinutes', label: 'Infusion (minutes)', before: '40', after: '60' }],
        schedule: [],
      },
    ]);
  });

  it('[blinded, masked trial] shows only the change made alike in every arm, under no arm name, and says the rest is withheld', () => {
    const { arms, isArmDosingWithheld } = diffProtocolVersions({ before: v1, after: v2, canSeeArmDosing: false });
    expect(arms).toEqual([
      {
        armLabel: null,
        change: 'changed',
        dosing: [{ field: 'infusionMinutes', label: 'Infusion (minutes)', before: '40', after: '60' }],
        schedule: [],
      },
    ]);
    expect(isArmDosingWithheld).toBe(true);
    expect(JSON.stringify(arms)).not.toMatch(/Saline|Ketamine|placebo|maxMgPerSession/i);
  });

  it('[blinded] a schedule change made alike in every arm is shown in full, with nothing withheld', () => {
    const longer = (content: VersionContent): VersionContent => ({
      ...content,
      dosing: content.dosing.map((arm) => ({ ...arm, protocol: { ...arm.protocol, sessionCount: 8 } })),
    });
    const diff = diffProtocolVersions({ before: v1, after: longer(v1), canSeeArmDosing: false });
    expect(diff.arms).toEqual([
      {
        armLabel: null,
        change: 'changed',
        dosing: [],
        schedule: [{ field: 'sessionCount', label: 'Sessions', before: '6', after: '8' }],
      },
    ]);
    expect(diff.isArmDosingWithheld).toBe(false);
  });

  it('shows a session setting change, and reads a protocol stored before the setting existed as a chair session', () => {
    // ACTIVE has no session fields, as a protocol stored before they existed.
    const stored: Record<string, unknown> = { ...ACTIVE };
    const before: VersionContent = { ...v1, dosing: [{ armLabel: 'Ketamine', protocol: stored }] };
    const resaved: VersionContent = {
      ...v1,
      dosing: [{ armLabel: 'Ketamine', protocol: { ...stored, sessionKind: 'CHAIR', sessionDurationMinutes: null } }],
    };
    expect(diffProtocolVersions({ before, after: resaved, canSeeArmDosing: true }).arms).toEqual([]);
    const perioperative: VersionContent = {
      ...v1,
      dosing: [
        { armLabel: 'Ketamine', protocol: { ...stored, sessionKind: 'PERIOPERATIVE', sessionDurationMinutes: 1440 } },
      ],
    };
    expect(diffProtocolVersions({ before, after: perioperative, canSeeArmDosing: true }).arms[0].schedule).toEqual([
      { field: 'sessionKind', label: 'Session setting', before: 'Infusion chair', after: 'Perioperative' },
      { field: 'sessionDurationMinutes', label: 'Stay (minutes)', before: null, after: '1440' },
    ]);
  });

  it('writes coded values by their labels: a route change reads "Intravenous (IV)" → "Intranasal (IN)"', () => {
    const intranasal: VersionContent = {
      ...v1,
      dosing: [{ armLabel: 'Ketamine', protocol: { ...ACTIVE, route: 'IN' } }],
    };
    const before: VersionContent = { ...v1, dosing: [{ armLabel: 'Ketamine', protocol: { ...ACTIVE, route: 'IV' } }] };
    expect(diffProtocolVersions({ before, after: intranasal, canSeeArmDosing: true }).arms[0].dosing).toEqual([
      { field: 'route', label: 'Route', before: 'Intravenous (IV)', after: 'Intranasal (IN)' },
    ]);
  });

  it('[blinded] an arm added in an amendment is withheld, not named', () => {
    const added: VersionContent = {
      ...v1,
      dosing: [...v1.dosing, { armLabel: 'Ketamine high dose', protocol: ACTIVE }],
    };
    const diff = diffProtocolVersions({ before: v1, after: added, canSeeArmDosing: false });
    expect(diff.arms).toEqual([]);
    expect(diff.isArmDosingWithheld).toBe(true);
  });
});

describe('diffProtocolVersions: assessment plan', () => {
  it('reports a changed window, an added and a removed assessment, with the timepoint in words', () => {
    const { assessmentPlan } = diffProtocolVersions({ before: v1, after: v2, canSeeArmDosing: false });
    expect(assessmentPlan).toEqual([
      {
        change: 'changed',
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        timepointLabel: 'Baseline',
        windowBefore: '30 days before to 0 days after',
        windowAfter: '14 days before to 0 days after',
      },
      expect.objectContaining({ change: 'removed', instrument: 'PHQ9', timepointLabel: 'After session 6' }),
      expect.objectContaining({ change: 'added', instrument: 'GAD7', timepointLabel: 'Baseline' }),
    ]);
  });
});
