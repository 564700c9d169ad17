import { describe, expect, it } from 'vitest';
import { formFieldOf, initialValues, toFormInput } from '@/lib/screening/screening-form-entries';
import type { ScreeningField } from '@/lib/screening/screening-form-model';
import { itemNumberOf } from '@/lib/screening/screening-form-entries';
import { PHQ9_ALL_ITEMS_MESSAGE, PHQ9_ITEM_LABELS, scorePhq9Items } from '@/lib/measures/phq9-items';
import { scoreAssessment } from '@/lib/outcomes/score-assessment';
import { phq9ItemsInputSchema, screeningFormSchema } from '@/lib/validations/screening-form';

function field(code: string, kind: ScreeningField['kind'], units: string[] = []): ScreeningField {
  return {
    code,
    kind,
    label: code,
    unit: units[0] ?? '',
    units,
    ranges: [],
    step: null,
    windowDays: 30,
    isRuleOwnWindow: false,
    status: 'missing',
    latest: null,
    note: null,
    itemEntry: null,
  };
}

const FIELDS = [
  field('weight_kg', 'number', ['kg', 'lb']),
  field('bp', 'bp', ['mmHg']),
  field('dx:bipolar_disorder', 'diagnosis'),
  field('med:maoi', 'medication'),
  field('fact:pregnant', 'fact'),
];

describe('toFormInput', () => {
  it('sends only the filled fields, each with the form date, and remembers which field each came from', () => {
    const values = initialValues(FIELDS, '2026-12-04');
    values.entries[0] = { ...values.entries[0], value: '176,5', unit: 'lb' };
    values.entries[1] = { ...values.entries[1], value: '130/85' };
    values.entries[3] = { ...values.entries[3], isNeverTaken: true };
    values.entries[4] = { ...values.entries[4], answer: false };
    const { input, formIndex } = toFormInput(FIELDS, values, 'cand-1');
    expect(input).toEqual({
      candidateId: 'cand-1',
      entries: [
        { code: 'weight_kg', measuredAt: '2026-12-04', value: 176.5, unit: 'lb' },
        { code: 'bp', measuredAt: '2026-12-04', value: '130/85' },
        { code: 'med:maoi', measuredAt: '2026-12-04', isCurrent: undefined, lastDoseAt: null, isNeverTaken: true },
        { code: 'fact:pregnant', measuredAt: '2026-12-04', value: false },
      ],
    });
    expect(formIndex).toEqual([0, 1, 3, 4]);
  });

  it('sends a typed non-number as NaN so the shared schema reports it, never as 0', () => {
    const values = initialValues(FIELDS, '2026-12-04');
    values.entries[0] = { ...values.entries[0], value: 'abc' };
    expect(toFormInput(FIELDS, values, 'cand-1').input.entries[0].value).toBeNaN();
  });
});

describe('formFieldOf', () => {
  const formIndex = [0, 1, 3, 4];
  it('puts a message about a sent entry on the field it came from, whichever layer named it', () => {
    expect(formFieldOf('entries.1.value', formIndex, FIELDS)).toEqual({ index: 1, name: 'value' });
    expect(formFieldOf('1.value', formIndex, FIELDS)).toEqual({ index: 1, name: 'value' });
    expect(formFieldOf('2.isCurrent', formIndex, FIELDS)).toEqual({ index: 3, name: 'answer' });
    expect(formFieldOf('3.value', formIndex, FIELDS)).toEqual({ index: 4, name: 'answer' });
    expect(formFieldOf('0.unit', formIndex, FIELDS)).toEqual({ index: 0, name: 'unit' });
  });

  it('sends date messages to the form date and leaves unknown keys for the alert', () => {
    expect(formFieldOf('entries.0.measuredAt', formIndex, FIELDS)).toBe('measuredAt');
    expect(formFieldOf('candidateId', formIndex, FIELDS)).toBeNull();
    expect(formFieldOf('9.value', formIndex, FIELDS)).toBeNull();
  });
});

describe('a PHQ-9 entered item by item', () => {
  const phq9: ScreeningField = {
    ...field('phq9_total', 'number'),
    itemEntry: { labels: PHQ9_ITEM_LABELS, min: 0, max: 3 },
  };

  it('sends the nine answers as a phq9 entry, which the shared schema accepts and the outcomes scorer totals', () => {
    const values = initialValues([phq9], '2026-12-04');
    values.entries[0] = {
      ...values.entries[0],
      isItemized: true,
      items: ['3', '2', '2', '2', '2', '2', '2', '2', '1'],
    };
    const { input } = toFormInput([phq9], values, 'cand-1');
    expect(input.entries).toEqual([{ code: 'phq9', measuredAt: '2026-12-04', items: [3, 2, 2, 2, 2, 2, 2, 2, 1] }]);
    const parsed = screeningFormSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    // One home for PHQ-9 scoring: the screening total is the outcomes scorer's total.
    const outcome = scoreAssessment({ instrument: 'PHQ9', items: [3, 2, 2, 2, 2, 2, 2, 2, 1] });
    expect(outcome.ok && outcome.total).toBe(18);
    expect(scorePhq9Items([3, 2, 2, 2, 2, 2, 2, 2, 1])).toEqual({ ok: true, total: 18 });
  });

  it('names an unanswered or out-of-range item and puts the message on the item group', () => {
    const values = initialValues([phq9], '2026-12-04');
    values.entries[0] = { ...values.entries[0], isItemized: true, items: ['1', '1', '', '1', '1', '1', '1', '1', '0'] };
    const { input, formIndex } = toFormInput([phq9], values, 'cand-1');
    const parsed = screeningFormSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['entries.0.items.2']);
    expect(formFieldOf('entries.0.items.2', formIndex, [phq9])).toEqual({ index: 0, name: 'items' });
    expect(itemNumberOf('entries.0.items.2')).toBe(3);
    expect(
      phq9ItemsInputSchema.safeParse({ code: 'phq9', items: [4, 0, 0, 0, 0, 0, 0, 0, 0], measuredAt: '2026-12-01' })
        .success,
    ).toBe(false);
  });

  it('a total typed on the same field stays a phq9_total number entry', () => {
    const values = initialValues([phq9], '2026-12-04');
    values.entries[0] = { ...values.entries[0], value: '18' };
    expect(toFormInput([phq9], values, 'cand-1').input.entries).toEqual([
      { code: 'phq9_total', measuredAt: '2026-12-04', value: 18 },
    ]);
  });

  it('screening asks for every item: a prorated total is not a screening value', () => {
    expect(scorePhq9Items([1, 1, 1, 1, 1, 1, 1, null, null])).toEqual({ ok: false, message: PHQ9_ALL_ITEMS_MESSAGE });
    expect(scorePhq9Items([1, 1, 1])).toEqual({ ok: false, message: PHQ9_ALL_ITEMS_MESSAGE });
  });
});
