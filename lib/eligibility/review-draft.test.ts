import { describe, expect, it } from 'vitest';
import {
  applyJudgmentToMany,
  draftFieldErrors,
  draftFromForm,
  itemsFromDraft,
  requiredReviewFields,
  signInputFromForm,
} from '@/lib/eligibility/review-draft';

const CRITERIA = [
  { criterionId: 'age', kind: 'INCLUSION' as const, result: 'MET' as const },
  { criterionId: 'trd', kind: 'INCLUSION' as const, result: 'NEEDS_REVIEW' as const },
  { criterionId: 'unsafe', kind: 'EXCLUSION' as const, result: 'NEEDS_REVIEW' as const },
  { criterionId: 'bmi', kind: 'EXCLUSION' as const, result: 'UNKNOWN' as const },
];
const empty = { note: '', override: false, justification: '' };

describe('requiredReviewFields', () => {
  it('asks for a note with every judgment, and for a judgment (so a note) on every clinician-judgment item when confirming eligibility', () => {
    const trd = CRITERIA[1];
    expect(requiredReviewFields({ criterion: trd, decision: undefined, item: empty })).toMatchObject({
      judgment: false,
      note: false,
    });
    expect(
      requiredReviewFields({ criterion: trd, decision: undefined, item: { ...empty, judgment: 'MET' } }),
    ).toMatchObject({
      judgment: false,
      note: true,
    });
    expect(requiredReviewFields({ criterion: trd, decision: 'ELIGIBLE', item: empty })).toMatchObject({
      judgment: true,
      note: true,
    });
    expect(requiredReviewFields({ criterion: trd, decision: 'INELIGIBLE', item: empty })).toMatchObject({
      judgment: false,
      note: false,
    });
  });

  it('asks for an override of an unknown result only when confirming eligibility, and for its result and justification once ticked', () => {
    const bmi = CRITERIA[3];
    expect(requiredReviewFields({ criterion: bmi, decision: 'ELIGIBLE', item: empty })).toEqual({
      judgment: false,
      note: false,
      override: true,
      overrideResult: false,
      justification: false,
    });
    expect(
      requiredReviewFields({ criterion: bmi, decision: 'INELIGIBLE', item: { ...empty, override: true } }),
    ).toEqual({
      judgment: false,
      note: false,
      override: false,
      overrideResult: true,
      justification: true,
    });
    // A passing computed result never needs an override.
    expect(requiredReviewFields({ criterion: CRITERIA[0], decision: 'ELIGIBLE', item: empty }).override).toBe(false);
  });
});

describe('drafts and the form', () => {
  it('keeps only touched criteria in a draft, and a reload restores the same form', () => {
    const items = [
      empty,
      { ...empty, judgment: 'MET' as const, note: 'Two failed trials (fictional)' },
      { ...empty, note: 'Asked the cardiologist' },
      { ...empty, override: true, overrideResult: 'NOT_MET' as const, justification: '' },
    ];
    const draft = draftFromForm(CRITERIA, { decision: 'ELIGIBLE', meaning: 'Eligibility confirmed', items });
    expect(draft).toEqual({
      decision: 'ELIGIBLE',
      meaning: 'Eligibility confirmed',
      judgments: [
        { criterionId: 'trd', result: 'MET', note: 'Two failed trials (fictional)' },
        { criterionId: 'unsafe', result: null, note: 'Asked the cardiologist' },
      ],
      overrides: [{ criterionId: 'bmi', result: 'NOT_MET', justification: '' }],
    });
    expect(itemsFromDraft(CRITERIA, draft)).toEqual([
      empty,
      { ...empty, judgment: 'MET', note: 'Two failed trials (fictional)' },
      { ...empty, judgment: undefined, note: 'Asked the cardiologist' },
      { ...empty, override: true, overrideResult: 'NOT_MET', justification: '' },
    ]);
    expect(itemsFromDraft(CRITERIA, null)).toEqual(CRITERIA.map(() => empty));
  });

  it('never puts the password in a draft, and signs only complete judgments and overrides', () => {
    const items = [
      empty,
      { ...empty, judgment: 'MET' as const, note: '  Two failed trials  ' },
      { ...empty, note: 'No judgment yet' },
      { ...empty, override: true, overrideResult: 'NOT_MET' as const, justification: ' Measured today ' },
    ];
    const state = { decision: 'ELIGIBLE' as const, meaning: ' Eligibility confirmed ', items, password: 'secret-pass' };
    expect(JSON.stringify(draftFromForm(CRITERIA, state))).not.toContain('secret-pass');
    expect(signInputFromForm(CRITERIA, state)).toEqual({
      input: {
        password: 'secret-pass',
        decision: 'ELIGIBLE',
        meaning: 'Eligibility confirmed',
        judgments: [{ criterionId: 'trd', result: 'MET', note: 'Two failed trials' }],
        overrides: [{ criterionId: 'bmi', result: 'NOT_MET', justification: 'Measured today' }],
      },
      judgmentIndex: [1],
      overrideIndex: [3],
    });
  });
});

describe('applyJudgmentToMany', () => {
  it('writes the judgment and note into each selected clinician-judgment item and nothing else', () => {
    const items = CRITERIA.map(() => empty);
    const next = applyJudgmentToMany(CRITERIA, items, new Set(['trd', 'unsafe', 'age']), {
      result: 'NOT_MET',
      note: 'Discussed with the candidate (fictional)',
    });
    expect(next[1]).toEqual({ ...empty, judgment: 'NOT_MET', note: 'Discussed with the candidate (fictional)' });
    expect(next[2]).toEqual({ ...empty, judgment: 'NOT_MET', note: 'Discussed with the candidate (fictional)' });
    // A computed criterion is never judged, even when its id is in the selection.
    expect(next[0]).toBe(items[0]);
    expect(next[3]).toBe(items[3]);
    // Each item holds its own explicit judgment: the signature input lists both.
    const { input } = signInputFromForm(CRITERIA, {
      decision: 'INELIGIBLE',
      meaning: 'Not eligible',
      password: 'x',
      items: next,
    });
    expect(input.judgments.map((judgment) => judgment.criterionId)).toEqual(['trd', 'unsafe']);
  });
});

describe('draftFieldErrors', () => {
  it('refuses judgments on computed criteria, overrides on clinician judgments and unknown criteria', () => {
    expect(
      draftFieldErrors({
        results: CRITERIA,
        draft: {
          decision: null,
          meaning: '',
          judgments: [
            { criterionId: 'age', result: 'MET', note: '' },
            { criterionId: 'trd', result: null, note: 'fine' },
          ],
          overrides: [
            { criterionId: 'unsafe', result: 'MET', justification: 'x' },
            { criterionId: 'nope', result: null, justification: '' },
          ],
        },
      }),
    ).toEqual({
      'judgments.0.criterionId': ['Only clinician-judgment criteria take a judgment.'],
      'overrides.0.criterionId': ['A clinician-judgment criterion is judged, not overridden.'],
      'overrides.1.criterionId': ['This criterion is not part of the check.'],
    });
  });
});
