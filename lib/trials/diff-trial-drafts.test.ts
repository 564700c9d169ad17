import { describe, expect, it } from 'vitest';
import { NCT06419439_DOSING } from '@/lib/validations/dosing';
import { trialDraftSchema, type TrialDraft } from '@/lib/validations/trials';
import { diffTrialDrafts } from './diff-trial-drafts';

const criterion = (kind: 'INCLUSION' | 'EXCLUSION', text: string) => ({
  kind,
  text,
  rule: null,
  suggestedRule: null,
  provenance: null,
});

function makeDraft(): TrialDraft {
  return trialDraftSchema.parse({
    nctId: 'NCT06419439',
    title: 'Ketamine for chronic pain',
    overallStatus: 'RECRUITING',
    phases: ['PHASE2'],
    sites: [{ facility: 'VA Clinic', city: 'Denver' }],
    arms: [
      { label: 'Ketamine', type: 'EXPERIMENTAL', dosing: NCT06419439_DOSING },
      { label: 'Saline', type: 'PLACEBO_COMPARATOR' },
    ],
    interventions: [{ type: 'DRUG', name: 'Ketamine', armLabels: ['Ketamine'] }],
    criteria: [
      criterion('INCLUSION', 'Age 18-65'),
      criterion('INCLUSION', 'PHQ-9 >= 10'),
      criterion('EXCLUSION', 'BMI > 40'),
    ],
    outcomes: [{ kind: 'PRIMARY', measure: 'Pain NRS', timeFrame: 'Day 14' }],
    assessmentPlan: [{ instrument: 'PHQ9', timepoint: { kind: 'BASELINE' } }],
  });
}

function edit(change: (draft: TrialDraft) => void): TrialDraft {
  const draft = structuredClone(makeDraft());
  change(draft);
  return draft;
}

describe('diffTrialDrafts', () => {
  it('reports nothing for identical drafts', () => {
    expect(diffTrialDrafts(makeDraft(), makeDraft())).toEqual({ changes: [], isProtocolChange: false });
  });

  it('reports scalar and list field changes without a protocol change', () => {
    const after = edit((d) => {
      d.title = 'New title';
      d.overallStatus = 'COMPLETED';
      d.phases = ['PHASE2', 'PHASE3'];
    });
    expect(diffTrialDrafts(makeDraft(), after)).toEqual({
      changes: [
        { path: 'title', label: 'Title', before: 'Ketamine for chronic pain', after: 'New title' },
        { path: 'phases', label: 'Phases', before: ['PHASE2'], after: ['PHASE2', 'PHASE3'] },
        { path: 'overallStatus', label: 'Overall status', before: 'RECRUITING', after: 'COMPLETED' },
      ],
      isProtocolChange: false,
    });
  });

  it('reports confirmed dosing changes per field as a protocol change', () => {
    const after = edit((d) => {
      d.arms[0].dosing = { ...NCT06419439_DOSING, maxMgPerSession: 50 };
    });
    expect(diffTrialDrafts(makeDraft(), after)).toEqual({
      changes: [
        {
          path: 'arms[Ketamine].dosing.maxMgPerSession',
          label: 'Arm "Ketamine": dosing: maxMgPerSession',
          before: null,
          after: 50,
        },
      ],
      isProtocolChange: true,
    });
  });

  it('treats a new dosing suggestion or a description change as no protocol change', () => {
    const after = edit((d) => {
      d.arms[1].suggestedDosing = { ...NCT06419439_DOSING, doseMode: 'PLACEBO', mgPerKg: null, weightBasis: null };
      d.arms[1].description = 'Normal saline';
    });
    const diff = diffTrialDrafts(makeDraft(), after);
    expect(diff.changes.map((change) => change.path)).toEqual([
      'arms[Saline].description',
      'arms[Saline].suggestedDosing',
    ]);
    expect(diff.isProtocolChange).toBe(false);
  });

  it('reports added and removed arms (a protocol change) and intervention links', () => {
    const after = edit((d) => {
      d.arms = [d.arms[0], { ...d.arms[1], label: 'Midazolam' }];
      d.interventions[0].armLabels = ['Ketamine', 'Midazolam'];
    });
    const diff = diffTrialDrafts(makeDraft(), after);
    expect(diff.changes.map((change) => [change.path, change.label])).toEqual([
      ['arms[Saline]', 'Arm "Saline" removed'],
      ['arms[Midazolam]', 'Arm "Midazolam" added'],
      ['interventions[Ketamine].armLabels', 'Intervention "Ketamine": armLabels'],
    ]);
    expect(diff.isProtocolChange).toBe(true);
  });

  it('pairs criteria by wording so an inserted criterion does not shift the others', () => {
    const after = edit((d) => {
      d.criteria.splice(1, 0, criterion('INCLUSION', 'NRS pain >= 4'));
    });
    expect(diffTrialDrafts(makeDraft(), after)).toEqual({
      changes: [
        {
          path: 'criteria[1]',
          label: 'Inclusion criterion 2 (NRS pain >= 4) added',
          before: undefined,
          after: criterion('INCLUSION', 'NRS pain >= 4'),
        },
      ],
      isProtocolChange: true,
    });
  });

  it('reports reworded and removed criteria', () => {
    const after = edit((d) => {
      d.criteria[1] = criterion('INCLUSION', 'PHQ-9 >= 15');
      d.criteria.pop();
    });
    const diff = diffTrialDrafts(makeDraft(), after);
    expect(diff.changes).toEqual([
      {
        path: 'criteria[1].text',
        label: 'Inclusion criterion 2 (PHQ-9 >= 15): text',
        before: 'PHQ-9 >= 10',
        after: 'PHQ-9 >= 15',
      },
      {
        path: 'criteria[2]',
        label: 'Exclusion criterion 3 (BMI > 40) removed',
        before: criterion('EXCLUSION', 'BMI > 40'),
        after: undefined,
      },
    ]);
    expect(diff.isProtocolChange).toBe(true);
  });

  it('treats a confirmed rule as protocol but a changed suggestion as not', () => {
    const rule = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 } as const;
    const suggested = diffTrialDrafts(
      makeDraft(),
      edit((d) => void (d.criteria[2].suggestedRule = rule)),
    );
    expect(suggested.changes.map((change) => change.path)).toEqual(['criteria[2].suggestedRule']);
    expect(suggested.isProtocolChange).toBe(false);
    const confirmed = diffTrialDrafts(
      makeDraft(),
      edit((d) => void (d.criteria[2].rule = rule)),
    );
    expect(confirmed.changes.map((change) => change.path)).toEqual(['criteria[2].rule']);
    expect(confirmed.isProtocolChange).toBe(true);
  });

  it('ignores a pure reordering of criteria', () => {
    expect(
      diffTrialDrafts(
        makeDraft(),
        edit((d) => d.criteria.reverse()),
      ),
    ).toEqual({ changes: [], isProtocolChange: false });
  });

  it('reports assessment plan changes as protocol, but not their order', () => {
    const added = edit((d) =>
      d.assessmentPlan.push({
        instrument: 'PHQ9',
        timepoint: { kind: 'AFTER_SESSION', session: 4 },
        windowBeforeDays: 0,
        windowAfterDays: 2,
        provenance: null,
      }),
    );
    expect(diffTrialDrafts(makeDraft(), added).isProtocolChange).toBe(true);
    const reordered = structuredClone(added);
    reordered.assessmentPlan.reverse();
    expect(diffTrialDrafts(added, reordered)).toEqual({ changes: [], isProtocolChange: false });
  });

  it('reports site and outcome changes without a protocol change', () => {
    const after = edit((d) => {
      d.sites.push({ facility: 'Second site', city: null, state: null, country: null });
      d.outcomes[0].timeFrame = 'Day 28';
    });
    const diff = diffTrialDrafts(makeDraft(), after);
    expect(diff.changes.map((change) => change.path)).toEqual([
      'sites[Second site |  |  | ]',
      'outcomes[PRIMARY: Pain NRS].timeFrame',
    ]);
    expect(diff.isProtocolChange).toBe(false);
  });
});
