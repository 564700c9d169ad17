import { describe, expect, it } from 'vitest';
import { newProvenance } from '@/lib/provenance/merge-provenance';
import { NCT06419439_DOSING } from '@/lib/validations/dosing';
import type { StoredProvenance } from '@/lib/validations/provenance';
import { trialDraftSchema, type TrialDraft } from '@/lib/validations/trials';
import { resolveProvenance } from './resolve-provenance';

const at = '2026-12-01T10:00:00.000Z';
const confirmAll = (provenance: StoredProvenance | null): StoredProvenance | null =>
  provenance && {
    ...provenance,
    assumptions: provenance.assumptions.map((a) => ({
      ...a,
      confirmedById: 'u1',
      confirmedByName: 'Ann',
      confirmedAt: at,
    })),
  };

const draft: TrialDraft = trialDraftSchema.parse({
  title: 'Fictional study',
  arms: [
    {
      label: 'Ketamine',
      type: 'EXPERIMENTAL',
      dosing: NCT06419439_DOSING,
      dosingProvenance: {
        quote: 'dosed at 0.5mg/kg',
        assumptions: [
          { field: 'weightBasis', note: 'Actual body weight assumed' },
          { field: 'maxDaysBetweenSessions', note: 'At most 7 days apart' },
        ],
      },
    },
  ],
  criteria: [
    {
      kind: 'EXCLUSION',
      text: 'Poorly controlled hypertension.',
      rule: { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
      provenance: { quote: 'Poorly controlled hypertension.', assumptions: [{ field: 'rule', note: 'No numbers' }] },
    },
  ],
  assessmentPlan: [
    {
      instrument: 'PHQ9',
      timepoint: { kind: 'BASELINE' },
      windowBeforeDays: 7,
      provenance: { quote: null, assumptions: [{ field: 'window', note: 'Clinic window' }] },
    },
  ],
});
const rows = {
  criteria: draft.criteria.map((c) => confirmAll(newProvenance(c.provenance))),
  arms: draft.arms.map((a) => confirmAll(newProvenance(a.dosingProvenance))),
  plan: draft.assessmentPlan.map((p) => confirmAll(newProvenance(p.provenance))),
};
const previous = { draft, armIds: ['arm-1'], rows };
const confirmedFields = (provenance: StoredProvenance | null) =>
  (provenance?.assumptions ?? []).filter((a) => a.confirmedAt !== null).map((a) => a.field);

describe('resolveProvenance (edits and amendments)', () => {
  it('carries provenance and confirmations to rows written again unchanged, whatever the draft says of them', () => {
    const next: TrialDraft = {
      ...draft,
      criteria: draft.criteria.map((c) => ({ ...c, provenance: null })),
      arms: draft.arms.map((a) => ({ ...a, dosingProvenance: null })),
      assessmentPlan: draft.assessmentPlan.map((p) => ({ ...p, provenance: null })),
    };
    expect(resolveProvenance({ previous, next, nextArmIds: ['arm-1'] })).toEqual(rows);
  });

  it('drops the confirmation of exactly the values that changed', () => {
    const next: TrialDraft = {
      ...draft,
      criteria: draft.criteria.map((c) => ({ ...c, rule: { kind: 'number', measure: 'sbp', op: 'gt', value: 150 } })),
      arms: draft.arms.map((a) => ({ ...a, dosing: { ...a.dosing!, weightBasis: 'IDEAL' } })),
      assessmentPlan: draft.assessmentPlan.map((p) => ({ ...p, windowBeforeDays: 3 })),
    };
    const resolved = resolveProvenance({ previous, next, nextArmIds: ['arm-1'] });
    expect(confirmedFields(resolved.criteria[0])).toEqual([]);
    expect(confirmedFields(resolved.arms[0])).toEqual(['maxDaysBetweenSessions']);
    expect(confirmedFields(resolved.plan[0])).toEqual([]);
  });

  it('starts a new arm’s or a reworded criterion’s assumptions unconfirmed', () => {
    const next: TrialDraft = {
      ...draft,
      criteria: draft.criteria.map((c) => ({ ...c, text: 'Uncontrolled hypertension', provenance: null })),
    };
    const resolved = resolveProvenance({ previous, next, nextArmIds: [null] });
    // A reworded criterion is a new value with no recorded source; a new arm keeps what its draft states.
    expect(resolved.criteria[0]).toBeNull();
    expect(confirmedFields(resolved.arms[0])).toEqual([]);
    expect(resolved.arms[0]?.assumptions).toHaveLength(2);
  });
});
