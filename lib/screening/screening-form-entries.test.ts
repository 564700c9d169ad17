import { describe, expect, it } from 'vitest';
import { formFieldOf, initialValues, toFormInput } from '@/lib/screening/screening-form-entries';
import type { ScreeningField } from '@/lib/screening/screening-form-model';

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
